-- Registry fields of segmentation.md §2.1 that the first slice lacked.
alter table client alter column external_id type varchar(100);
alter table client add column contacts text not null default '[]';
alter table client add column source_updated_at timestamptz;
alter table client add column churned_at timestamptz;
create index client_tenant_status_idx on client (tenant_id, status, id);

-- One current segment record per client (§2.2). The full record and the inputs kept from consumed events (§2.3)
-- are JSON documents; the columns beside them are what lists filter on.
create table segment_assignment (
    client_id        uuid primary key references client (id),
    tenant_id        uuid         not null,
    segment          char(1)      not null,
    basis            varchar(16)  not null,
    computed_segment char(1)      not null,
    provisional      boolean      not null,
    mrr_band         varchar(8)   not null,
    health_color     varchar(8),
    last_scored_at   timestamptz,
    override_expires_at timestamptz,
    state            text         not null,
    signals          text         not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null
);
create index segment_assignment_tenant_idx on segment_assignment (tenant_id, segment, mrr_band);

-- Append-only history (§2.2), newest first by seq.
create table segment_history (
    id         uuid primary key,
    tenant_id  uuid        not null,
    client_id  uuid        not null references client (id),
    seq        integer     not null,
    at         timestamptz not null,
    kind       varchar(16) not null,
    entry      text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    integer     not null,
    constraint segment_history_seq_key unique (tenant_id, client_id, seq)
);

-- Published policy versions (§2.6); version 1 (the defaults) is implicit until a tenant publishes.
create table segmentation_policy (
    id             uuid primary key,
    tenant_id      uuid        not null,
    policy_version integer     not null,
    content        text        not null,
    published_by   varchar(200),
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        integer     not null,
    constraint segmentation_policy_version_key unique (tenant_id, policy_version)
);

-- Team members and their roles and capacity (§2.5).
create table team_member (
    id              uuid primary key,
    tenant_id       uuid         not null,
    name            varchar(200) not null,
    email           varchar(320) not null,
    source          varchar(40),
    external_id     varchar(100),
    roles           text         not null,
    capacity_unit   varchar(16)  not null,
    hours_per_month numeric(8, 2),
    status          varchar(16)  not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         integer      not null,
    constraint team_member_email_key unique (tenant_id, email)
);

-- Exactly one owner per (client, role) (§2.5).
create table owner_assignment (
    id               uuid primary key,
    tenant_id        uuid        not null,
    client_id        uuid        not null references client (id),
    role             varchar(8)  not null,
    member_id        uuid        not null references team_member (id),
    backup_member_id uuid references team_member (id),
    assigned_at      timestamptz not null,
    assigned_by      varchar(200) not null,
    reason           varchar(500),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer     not null,
    constraint owner_assignment_role_key unique (tenant_id, client_id, role)
);
create index owner_assignment_member_idx on owner_assignment (tenant_id, member_id);

-- Breaches currently open per (member, role, kind), so Breached/Restored are emitted on the edges only (§4.2).
create table capacity_breach (
    id          uuid primary key,
    tenant_id   uuid        not null,
    member_id   uuid        not null,
    role        varchar(8)  not null,
    kind        varchar(20) not null,
    detected_at timestamptz not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     integer     not null,
    constraint capacity_breach_key unique (tenant_id, member_id, role, kind)
);
