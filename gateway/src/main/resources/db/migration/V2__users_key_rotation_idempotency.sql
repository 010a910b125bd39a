-- Front-end users (gateway.md §1.2): the IdP proves who they are (iss, sub); tenant and roles live here, so any
-- IdP works and grants stay restrictive.
create table app_user (
    id         uuid primary key,
    tenant_id  uuid         not null references tenant (id),
    issuer     varchar(300) not null,
    subject    varchar(300) not null,
    email      varchar(320),
    roles      text[]       not null,
    active     boolean      not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    integer      not null,
    unique (issuer, subject)
);
create index app_user_tenant_idx on app_user (tenant_id);

-- Key administration (§1.1): sources a key may write for, why it was revoked, and which key replaced it.
alter table api_key add column allowed_sources text[] not null default '{}';
alter table api_key add column revoke_reason varchar(200);
alter table api_key add column replaced_by uuid;

-- Idempotency-Key of writes, answered centrally by the gateway: the first answer is replayed for 24 h.
create table idempotency_record (
    tenant_id        uuid         not null,
    idempotency_key  varchar(255) not null,
    fingerprint      bytea        not null,
    response_status  integer,
    response_headers jsonb,
    response_body    bytea,
    expires_at       timestamptz  not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null,
    primary key (tenant_id, idempotency_key)
);
create index idempotency_record_expiry_idx on idempotency_record (expires_at);
