-- Raw PSA/RMM signals and manual observations (health.md §2.3, §4). The key includes type so a ticket and a survey
-- with the same external id from one PSA never collide. vals holds the type's typed fields.
create table signal (
    id           uuid primary key,
    tenant_id    uuid         not null,
    client_id    uuid         not null,
    source       varchar(40)  not null,
    external_id  varchar(100) not null,
    type         varchar(40)  not null,
    insight_code varchar(40),
    event_time   timestamptz  not null,
    observed_at  timestamptz  not null,
    received_at  timestamptz  not null,
    vals         jsonb        not null,
    batch_id     uuid         not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      integer      not null,
    constraint signal_key unique (tenant_id, source, type, external_id)
);
create index signal_client_time_idx on signal (tenant_id, client_id, type, event_time);

create index client_health_registry_key_idx on client_health (tenant_id, source, external_id);
alter table client_health add column dirty_at timestamptz;
alter table client_health add column current_score_id uuid;
alter table client_health add column composite numeric(5, 2);
alter table client_health add column composite_color varchar(8);
alter table client_health add column scored_at timestamptz;
alter table client_health add column data_as_of timestamptz;
create index client_health_dirty_idx on client_health (dirty_at) where dirty_at is not null;

-- Versioned scoring models (§2.1): at most one DRAFT, exactly one PUBLISHED (the active one) per tenant.
create table scoring_model (
    id               uuid primary key,
    tenant_id        uuid         not null,
    model_version    integer      not null,
    status           varchar(16)  not null,
    based_on_version integer,
    change_note      varchar(500),
    content          jsonb        not null,
    created_by       varchar(100),
    published_by     varchar(100),
    published_at     timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null,
    constraint scoring_model_version_key unique (tenant_id, model_version)
);
create unique index scoring_model_one_published_idx on scoring_model (tenant_id) where status = 'PUBLISHED';
create unique index scoring_model_one_draft_idx on scoring_model (tenant_id) where status = 'DRAFT';

-- Score records with their explanation (§2.5); body = {dimensions, changes, markers, triggerRefs, summary}.
create table score_record (
    id                 uuid primary key,
    -- insertion order: records of one instant (a frozen test clock, one batch) still page in the order written
    seq                bigint generated always as identity,
    tenant_id          uuid          not null,
    client_id          uuid          not null,
    computed_at        timestamptz   not null,
    trigger            varchar(32)   not null,
    model_id           uuid          not null,
    model_version      integer       not null,
    catalog_version    integer       not null,
    segment_used       varchar(16),
    composite          numeric(5, 2),
    composite_color    varchar(8),
    composite_complete boolean       not null,
    data_as_of         timestamptz,
    model_changed      boolean       not null,
    body               jsonb         not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            integer       not null
);
create index score_record_client_idx on score_record (tenant_id, client_id, seq desc);
