-- PSA/RMM connections that call the gateway (gateway.md §9.2). The tenant comes from the connection, never from the
-- payload. Autotask and generic connections keep a shared secret (encrypted like webhook secrets); ConnectWise signs
-- with keys fetched from its own host, so the connection keeps that host instead.
create table integration_connection (
    id                uuid primary key,
    tenant_id         uuid         not null references tenant (id),
    source            varchar(20)  not null,
    source_name       varchar(40)  not null,
    name              varchar(100) not null,
    host              varchar(300),
    secret_ciphertext bytea,
    status            varchar(20)  not null,
    deactivated_at    timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           integer      not null
);
create index integration_connection_tenant_idx on integration_connection (tenant_id, created_at, id);

-- Every accepted callback, once per (connection, dedupe key); a worker forwards it and records the outcome here.
create table inbound_callback (
    id               uuid primary key,
    tenant_id        uuid          not null references tenant (id),
    connection_id    uuid          not null references integration_connection (id) on delete cascade,
    dedupe_key       varchar(80)   not null,
    entity           varchar(100),
    action           varchar(100),
    external_id      varchar(100),
    body             text          not null,
    status           varchar(20)   not null,
    attempts         integer       not null,
    received_at      timestamptz   not null,
    next_attempt_at  timestamptz,
    completed_at     timestamptz,
    target           varchar(100),
    last_http_status integer,
    last_error       varchar(500),
    response_excerpt varchar(2048),
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          integer       not null,
    constraint inbound_callback_once unique (connection_id, dedupe_key)
);
create index inbound_callback_due_idx on inbound_callback (next_attempt_at) where status = 'PENDING';
create index inbound_callback_connection_idx on inbound_callback (tenant_id, connection_id, received_at desc, id);
