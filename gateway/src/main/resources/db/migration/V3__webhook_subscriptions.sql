-- Outbound webhook subscriptions (gateway.md §6); the signing secret is stored encrypted (AES-GCM, key from a Secret).
create table webhook_subscription (
    id                uuid primary key,
    tenant_id         uuid          not null references tenant (id),
    url               varchar(2000) not null,
    types             text[]        not null,
    client_ids        text[]        not null,
    description       varchar(500),
    active            boolean       not null,
    status            varchar(30)   not null,
    secret_ciphertext bytea         not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           integer       not null
);
create index webhook_subscription_tenant_idx on webhook_subscription (tenant_id);
