-- Read model of the client (roadmap.md §3.7): fiscal calendar, currency, churn, and the last DMI drop applied.
-- A health or cadence event may come before ClientRegistered: the row is then provisional, with defaults.
create table client_view (
    id                    uuid primary key,
    tenant_id             uuid         not null,
    client_id             uuid         not null,
    name                  varchar(200),
    status                varchar(16)  not null,
    fiscal_year_end_month smallint     not null,
    currency              char(3)      not null,
    provisional           boolean      not null,
    client_event_time     timestamptz,
    dmi_snapshot_id       uuid,
    dmi                   numeric(5, 2),
    dmi_measured_at       timestamptz,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    version               integer      not null,
    constraint client_view_client_key unique (tenant_id, client_id)
);

-- One roadmap per client (roadmap.md §3.3); its items are the initiatives' (quarter, position).
-- roadmap_version is the business version (+1 per resequence); version is the row's optimistic lock.
create table roadmap (
    id                uuid primary key,
    tenant_id         uuid        not null,
    client_id         uuid        not null,
    roadmap_version   integer     not null,
    horizon_quarters  smallint    not null,
    freshness_days    smallint    not null,
    last_reviewed_at  timestamptz,
    proposals_blocked boolean     not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           integer     not null,
    constraint roadmap_client_key unique (tenant_id, client_id)
);

-- Append-only history of the roadmap: one row per version with its reason and moves.
create table roadmap_version (
    id                 uuid primary key,
    tenant_id          uuid        not null,
    roadmap_id         uuid        not null references roadmap (id),
    roadmap_version    integer     not null,
    at                 timestamptz not null,
    reason             varchar(32) not null,
    note               varchar(200),
    actor_id           varchar(100),
    causation_event_id uuid,
    moves              jsonb       not null,
    proposals_blocked  boolean     not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            integer     not null,
    constraint roadmap_version_key unique (roadmap_id, roadmap_version)
);

-- Initiatives (roadmap.md §3.2); health links and origin references are small lists kept as JSON.
create table initiative (
    id           uuid primary key,
    tenant_id    uuid          not null,
    client_id    uuid          not null,
    title        varchar(140)  not null,
    summary      varchar(2000),
    state        varchar(24)   not null,
    lane         varchar(40)   not null,
    origin       varchar(24)   not null,
    remediation  boolean       not null,
    tier         smallint,
    priority     varchar(8)    not null,
    quarter      varchar(7),
    position     integer       not null,
    health_links jsonb         not null,
    origin_refs  jsonb         not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      integer       not null
);
create index initiative_client_idx on initiative (tenant_id, client_id, id);
