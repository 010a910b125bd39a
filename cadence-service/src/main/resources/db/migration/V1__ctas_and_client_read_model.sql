-- What cadence knows about clients from segmentation (cadence.md §7.2): registry facts, the current segment
-- and the owner map. Each part moves only on a newer fact, so each keeps the time of the fact it holds.
create table client_view (
    id                 uuid primary key,
    tenant_id          uuid         not null,
    client_id          uuid         not null,
    name               varchar(200),
    status             varchar(16),
    registered_at      timestamptz,
    registry_time      timestamptz,
    segment            varchar(2),
    mrr_band           varchar(16),
    segment_time       timestamptz,
    owners_assigned_at timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            integer      not null,
    constraint client_view_client_key unique (tenant_id, client_id)
);

-- The owner map of the newest OwnerAssigned (cadence.md §5.6 step 1): one row per role.
create table client_owner (
    id               uuid primary key,
    tenant_id        uuid        not null,
    client_id        uuid        not null,
    role             varchar(16) not null,
    member_id        uuid,
    backup_member_id uuid,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer     not null,
    constraint client_owner_role_key unique (tenant_id, client_id, role)
);

-- CTAs (cadence.md §5): the work item with its owner, SLA, reason and close.
create table cta (
    id                  uuid primary key,
    tenant_id           uuid         not null,
    client_id           uuid         not null,
    kind                varchar(20)  not null,
    reason_code         varchar(60)  not null,
    title               varchar(140) not null,
    priority            varchar(10)  not null,
    status              varchar(12)  not null,
    source              varchar(10)  not null,
    dedupe_key          varchar(200) not null,
    dimension           varchar(20),
    playbook_key        varchar(60),
    rule_id             varchar(20),
    rule_version        integer,
    reason_text         varchar(500) not null,
    reason_inputs       jsonb,
    reference_value     numeric(7, 2),
    owner_role          varchar(12)  not null,
    owner_member_id     uuid,
    backup_member_id    uuid,
    owner_resolution    varchar(16)  not null,
    notification        varchar(10)  not null,
    opened_at           timestamptz  not null,
    sla_start_at        timestamptz  not null,
    first_action_due_at timestamptz  not null,
    first_action_at     timestamptz,
    due_at              timestamptz  not null,
    last_movement_at    timestamptz,
    escalation_level    integer      not null,
    occurrences         integer      not null,
    last_seen_at        timestamptz  not null,
    newest_cause_time   timestamptz  not null,
    close_status        varchar(12),
    closed_at           timestamptz,
    close_reason_code   varchar(60),
    close_reason_text   varchar(500),
    close_reason_inputs jsonb,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             integer      not null
);
-- One open CTA per (tenant, client, kind, dedupe key); closed ones never reopen, so any number may be closed.
create unique index cta_one_open_per_dedupe_key on cta (tenant_id, client_id, kind, dedupe_key)
    where status <> 'CLOSED';
create index cta_tenant_client_idx on cta (tenant_id, client_id, id);
create index cta_tenant_status_idx on cta (tenant_id, status, id);

-- The cause chain (cadence.md §5.1): the first cause and the newest 49, numbered in arrival order.
create table cta_cause (
    id             uuid primary key,
    tenant_id      uuid         not null,
    cta_id         uuid         not null references cta (id),
    seq            integer      not null,
    event_id       uuid         not null,
    type           varchar(128) not null,
    time           timestamptz  not null,
    cause_key      varchar(200) not null,
    correlation_id varchar(64)  not null,
    summary        varchar(200),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        integer      not null,
    constraint cta_cause_seq_key unique (cta_id, seq),
    constraint cta_cause_key_key unique (cta_id, cause_key)
);
