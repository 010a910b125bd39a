-- Outbound webhook deliveries (gateway.md §6): one row per (subscription, event), so a redelivered event adds nothing;
-- workers claim due rows with FOR UPDATE SKIP LOCKED. Every attempt is logged in webhook_delivery_attempt.
alter table webhook_subscription add column previous_secret_ciphertext bytea;
alter table webhook_subscription add column previous_secret_until timestamptz;
-- first failed attempt since the last success: three days of only failures disable the subscription
alter table webhook_subscription add column failing_since timestamptz;

create table webhook_delivery (
    id               uuid primary key,
    tenant_id        uuid         not null references tenant (id),
    subscription_id  uuid         not null references webhook_subscription (id) on delete cascade,
    event_id         uuid         not null,
    event_type       varchar(200) not null,
    payload          text         not null,
    status           varchar(20)  not null,
    attempts         integer      not null,
    next_attempt_at  timestamptz,
    last_http_status integer,
    delivered_at     timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null,
    constraint webhook_delivery_once unique (subscription_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_tenant_idx on webhook_delivery (tenant_id, created_at desc, id);

create table webhook_delivery_attempt (
    id               uuid primary key,
    tenant_id        uuid         not null references tenant (id),
    delivery_id      uuid         not null references webhook_delivery (id) on delete cascade,
    attempt          integer      not null,
    attempted_at     timestamptz  not null,
    http_status      integer,
    duration_ms      integer      not null,
    error            varchar(500),
    response_excerpt varchar(1024),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null
);
create index webhook_delivery_attempt_delivery_idx on webhook_delivery_attempt (delivery_id, attempt);
