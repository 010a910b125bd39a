-- Tenants (MSPs) and the API keys of their PSA/RMM integrations (gateway.md §1.1). Keys are stored as
-- HMAC-SHA256(pepper, key) and found by their public prefix; the full key is shown once, at creation.
create table tenant (
    id         uuid primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    integer      not null
);

create table api_key (
    id           uuid primary key,
    tenant_id    uuid         not null references tenant (id),
    name         varchar(100) not null,
    prefix       varchar(8)   not null unique,
    hash         bytea        not null,
    scopes       text[]       not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      integer      not null
);
create index api_key_tenant_idx on api_key (tenant_id);
