-- Month closes (health.md §2.5, §3.8): written by the cycle-close recompute of each client, one row per (client,
-- month); a replayed close changes nothing. red_runs is the run of RED closes each key ends (a colourless month
-- carries the run over), so consecutiveReds needs only the latest close. Kept (retention, §8).
create table monthly_close (
    id               uuid primary key,
    tenant_id        uuid        not null,
    client_id        uuid        not null,
    month            varchar(7)  not null,
    score_id         uuid,
    colors           jsonb       not null,
    consecutive_reds jsonb       not null,
    red_runs         jsonb       not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer     not null,
    constraint monthly_close_key unique (tenant_id, client_id, month)
);
