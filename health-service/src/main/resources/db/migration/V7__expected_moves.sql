-- Expected moves (health.md §2.3, §3.3): an InitiativeCompleted health link stores the insight's coverage at
-- completion as baseline; the first CYCLE snapshot at least 30 days later decides MET or MISSED (derived on read
-- from the stored snapshots, so a replay yields the same verdict). One row per (initiative, insight): a redelivered
-- completion changes nothing.
create table expected_move (
    id                uuid primary key,
    tenant_id         uuid          not null,
    client_id         uuid          not null,
    initiative_id     uuid          not null,
    insight_code      varchar(40)   not null,
    expected_points   numeric(6, 2) not null,
    baseline_coverage numeric(5, 4),
    completed_at      timestamptz   not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           integer       not null,
    constraint expected_move_key unique (tenant_id, initiative_id, insight_code)
);
create index expected_move_client_idx on expected_move (tenant_id, client_id, completed_at);
