-- Adoption gates and backup risks (health.md §2.3, §3.10) in one table: family GATE (kind FIX_FIRST|SEQUENCING) or
-- RISK (kind SUCCESS_RATE_LOW|NO_RECENT_SUCCESS|RESTORE_TEST_OVERDUE). At most one OPEN per (client, kind).
create table health_alert (
    id                  uuid primary key,
    tenant_id           uuid         not null,
    client_id           uuid         not null,
    family              varchar(8)   not null,
    kind                varchar(32)  not null,
    status              varchar(8)   not null,
    opened_at           timestamptz  not null,
    cleared_at          timestamptz,
    cleared_by          varchar(16),
    details             jsonb        not null,
    override_by         varchar(100),
    override_reason     varchar(500),
    override_expires_at timestamptz,
    suppressed          jsonb,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             integer      not null
);
create unique index health_alert_one_open_idx on health_alert (tenant_id, client_id, kind) where status = 'OPEN';
create index health_alert_client_idx on health_alert (tenant_id, client_id, opened_at desc);

-- last non-null colour of tier1Dmi, for the SEQUENCING gate's hysteresis
alter table client_health add column tier1_color varchar(8);
