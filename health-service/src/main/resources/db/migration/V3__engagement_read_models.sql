-- Engagement read models fed by cadence's events (health.md §2.3, §3.5, §3.7). Keyed by the producer's ids, so a
-- redelivered or replayed event (new event id, same meeting) changes nothing.
create table engagement_meeting (
    id                     uuid primary key,
    tenant_id              uuid        not null,
    client_id              uuid        not null,
    meeting_id             uuid        not null,
    strategic              boolean     not null,
    meeting_type           varchar(40) not null,
    held_at                timestamptz not null,
    on_time                boolean     not null,
    decision_maker_present boolean     not null,
    exec_sponsor_present   boolean     not null,
    recap_due_at           timestamptz,
    recap_on_time          boolean,
    decisions              integer     not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                integer     not null,
    constraint engagement_meeting_key unique (tenant_id, meeting_id)
);
create index engagement_meeting_client_idx on engagement_meeting (tenant_id, client_id, held_at);

create table engagement_miss (
    id              uuid primary key,
    tenant_id       uuid        not null,
    client_id       uuid        not null,
    cadence_slot_id uuid        not null,
    strategic       boolean     not null,
    due_at          timestamptz not null,
    reason          varchar(40) not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         integer     not null,
    constraint engagement_miss_key unique (tenant_id, cadence_slot_id)
);
create index engagement_miss_client_idx on engagement_miss (tenant_id, client_id, due_at);

-- Proposal clocks: sent → first decision (or closed undecided). A decision may arrive before the send is known.
create table proposal_clock (
    id          uuid primary key,
    tenant_id   uuid        not null,
    client_id   uuid        not null,
    proposal_id uuid        not null,
    sent_at     timestamptz,
    decided_at  timestamptz,
    closed_at   timestamptz,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     integer     not null,
    constraint proposal_clock_key unique (tenant_id, proposal_id)
);
create index proposal_clock_client_idx on proposal_clock (tenant_id, client_id);
