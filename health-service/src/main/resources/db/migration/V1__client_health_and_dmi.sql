-- Clients as health-service knows them (health.md §2.3), filled from segmentation's ClientRegistered. A segment
-- event that arrives first leaves a stub (registered_at null) that the registration completes.
create table client_health (
    id                  uuid primary key,
    tenant_id           uuid         not null,
    client_id           uuid         not null,
    source              varchar(40),
    external_id         varchar(100),
    name                varchar(200),
    status              varchar(16),
    registered_at       timestamptz,
    segment             varchar(16),
    segment_provisional boolean      not null,
    segment_at          timestamptz,
    -- whether the last recompute found the DMI complete: "just complete" takes a snapshot (§3.3)
    dmi_complete        boolean      not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             integer      not null,
    constraint client_health_client_key unique (tenant_id, client_id)
);

-- DMI catalogue versions per tenant (§2.2); the PUBLISHED one is active.
create table dmi_catalog (
    id              uuid primary key,
    tenant_id       uuid         not null,
    catalog_version integer      not null,
    status          varchar(16)  not null,
    change_note     varchar(500),
    published_at    timestamptz,
    published_by    varchar(100),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         integer      not null,
    constraint dmi_catalog_version_key unique (tenant_id, catalog_version)
);
create unique index dmi_catalog_one_published_idx on dmi_catalog (tenant_id) where status = 'PUBLISHED';

create table dmi_insight (
    id             uuid primary key,
    tenant_id      uuid          not null,
    catalog_id     uuid          not null references dmi_catalog (id),
    position       smallint      not null,
    code           varchar(40)   not null,
    name           varchar(100)  not null,
    definition     varchar(500)  not null,
    data_source    varchar(200)  not null,
    category       varchar(40)   not null,
    weight         smallint      not null check (weight between 1 and 5),
    target         numeric(5, 4) not null check (target > 0 and target <= 1),
    tier           smallint      not null check (tier in (1, 2)),
    gate_threshold numeric(5, 4),
    signal_type    varchar(40)   not null,
    active         boolean       not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    version        integer       not null,
    constraint dmi_insight_code_key unique (catalog_id, code)
);

-- The current coverage per client and insight (latest observedAt wins; an older observation never overwrites).
create table dmi_coverage (
    id           uuid primary key,
    tenant_id    uuid          not null,
    client_id    uuid          not null,
    insight_code varchar(40)   not null,
    coverage     numeric(5, 4) not null check (coverage between 0 and 1),
    numerator    integer,
    denominator  integer,
    observed_at  timestamptz   not null,
    received_at  timestamptz   not null,
    source       varchar(40)   not null,
    note         varchar(500),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      integer       not null,
    constraint dmi_coverage_insight_key unique (tenant_id, client_id, insight_code)
);

-- DMI snapshots (§2.4): the DmiMeasured data plus kind, period, completeness, drop bookkeeping. seq orders a
-- client's snapshots even when two share an instant.
create table dmi_snapshot (
    id                   uuid primary key,
    tenant_id            uuid          not null,
    client_id            uuid          not null,
    seq                  integer       not null,
    kind                 varchar(16)   not null,
    period               char(7)       not null,
    measured_at          timestamptz   not null,
    dmi                  numeric(5, 2) not null,
    previous_dmi         numeric(5, 2),
    delta                numeric(6, 2),
    color                varchar(8)    not null,
    method               varchar(24)   not null,
    catalog_version      integer       not null,
    model_version        integer       not null,
    completeness         numeric(5, 4) not null,
    tier1_dmi            numeric(5, 2),
    flat_cycles          integer       not null,
    data_as_of           timestamptz   not null,
    segment              varchar(16),
    band_profile         varchar(16)   not null,
    -- {categories, insights, topGaps}: one JSON object (Hibernate Reactive binds JSON columns as objects)
    contents             jsonb         not null,
    drop_reference       numeric(5, 2),
    drop_reference_color varchar(8),
    dropped              boolean       not null,
    stalled              boolean       not null,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              integer       not null,
    constraint dmi_snapshot_seq_key unique (tenant_id, client_id, seq)
);
create index dmi_snapshot_measured_idx on dmi_snapshot (tenant_id, client_id, measured_at);
