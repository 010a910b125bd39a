-- Condition state (cadence.md §5.4): the newest fact per condition; CLEARED rows are the tombstones that stop an
-- older raising event from opening a CTA.
create table condition_state (
    id         uuid primary key,
    tenant_id  uuid         not null,
    client_id  uuid         not null,
    key        varchar(100) not null,
    state      varchar(8)   not null,
    event_time timestamptz  not null,
    event_id   uuid         not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    integer      not null,
    constraint condition_state_key unique (tenant_id, client_id, key)
);

-- The conditions still raised on a CTA (gate, risk or colour keys); it auto-closes when the last one clears.
alter table cta add column condition_keys varchar(2000);
