-- The tenant's roadmap policy (roadmap.md §2): one row per tenant once a CS_LEADER has saved one; tenants without a
-- row run on the default policy (version 1). policy_version is the public version (+1 per changed save).
create table roadmap_policy (
    tenant_id      uuid primary key,
    policy_version integer     not null,
    document       jsonb       not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        integer     not null
);
