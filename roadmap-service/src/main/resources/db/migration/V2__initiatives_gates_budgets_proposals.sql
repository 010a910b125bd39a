-- Initiative estimates, delivery and closing (roadmap.md §3.2). Money is numeric(14,2) in the tenant's currency.
alter table initiative
    add column currency                 char(3),
    add column one_time                 numeric(14, 2),
    add column spend_type               varchar(8),
    add column recurring_monthly        numeric(14, 2),
    add column recurring_start_month    varchar(7),
    add column recurring_term_months    smallint,
    add column big_rock                 boolean      not null default false,
    add column delivery_owner_member_id varchar(100),
    add column completed_on             date,
    add column actual_cost              numeric(14, 2),
    add column close_reason             varchar(24),
    add column close_note               varchar(500),
    add column open_proposal_id         uuid,
    add column credit_eligible          boolean,
    add column adoption_move_failed     boolean      not null default false,
    add column pre_approval             jsonb;

-- Append-only history of an initiative: every transition with its reason, actor and decision (roadmap.md §4, §3.6).
create table initiative_history (
    id            uuid primary key,
    tenant_id     uuid         not null,
    initiative_id uuid         not null references initiative (id),
    from_state    varchar(24)  not null,
    to_state      varchar(24)  not null,
    reason_code   varchar(40)  not null,
    reason_text   varchar(500),
    actor_id      varchar(100),
    at            timestamptz  not null,
    decision      jsonb,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       integer      not null
);
create index initiative_history_idx on initiative_history (tenant_id, initiative_id, at);

-- Gate read model from AdoptionGateBreached / AdoptionGateCleared (roadmap.md §3.7, §5). A gate cleared at a later
-- time than a breach stays closed, so event_time is that of the last event applied.
create table gate_view (
    id         uuid primary key,
    tenant_id  uuid        not null,
    client_id  uuid        not null,
    gate_id    uuid        not null,
    gate       varchar(16) not null,
    open       boolean     not null,
    failing    jsonb       not null,
    since      timestamptz,
    event_time timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    integer     not null,
    constraint gate_view_gate_key unique (tenant_id, gate_id)
);
create index gate_view_client_idx on gate_view (tenant_id, client_id);

-- One budget per client and fiscal year (roadmap.md §3.4). Lines derived from initiatives are computed, not stored;
-- figures keeps the last saved figures so that only a real change makes a new version and one BudgetUpdated.
create table budget (
    id             uuid primary key,
    tenant_id      uuid        not null,
    client_id      uuid        not null,
    fiscal_year    integer     not null,
    currency       char(3)     not null,
    budget_version integer     not null,
    envelope       jsonb,
    figures        jsonb,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        integer     not null,
    constraint budget_fy_key unique (tenant_id, client_id, fiscal_year)
);

-- Proposals (roadmap.md §3.5) with their aging state and outcome.
create table proposal (
    id                  uuid primary key,
    tenant_id           uuid          not null,
    client_id           uuid          not null,
    title               varchar(140)  not null,
    proposal_version    integer       not null,
    delivery_mode       varchar(8)    not null,
    initiative_ids      jsonb         not null,
    currency            char(3)       not null,
    one_time            numeric(14, 2) not null,
    recurring_monthly   numeric(14, 2) not null,
    status              varchar(12)   not null,
    channel             varchar(8),
    sent_at             timestamptz,
    valid_until         date,
    last_aging_bucket   varchar(12),
    owner_member_id     varchar(100),
    decision            jsonb,
    decline_reason_code varchar(16),
    decline_reason_text varchar(500),
    close_reason        varchar(16),
    closed_at           timestamptz,
    decided_at          timestamptz,
    overrides           jsonb         not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             integer       not null
);
create index proposal_client_idx on proposal (tenant_id, client_id);
create index proposal_status_idx on proposal (tenant_id, status);
