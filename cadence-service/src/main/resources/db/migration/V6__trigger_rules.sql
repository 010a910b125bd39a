-- Trigger rule versions per tenant (cadence.md §4.1): version 1 is the built-in default and is not stored;
-- each PATCH inserts version N+1, stored rows never change.
create table trigger_rule_version (
    id           uuid        primary key,
    tenant_id    uuid        not null,
    rule_id      text        not null,
    rule_version integer     not null,
    enabled      boolean     not null,
    params       text        not null,
    published_by text,
    published_at timestamptz not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      integer     not null default 0,
    constraint trigger_rule_version_key unique (tenant_id, rule_id, rule_version)
);
