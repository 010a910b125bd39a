-- Transactional outbox (architecture.md §6.1): one row per event, written in the state change's
-- transaction and relayed to Kafka by Debezium's outbox EventRouter. Each header is a column.
create table outbox_event (
    id             uuid primary key,
    aggregatetype  varchar(64)  not null,
    aggregateid    varchar(64)  not null,
    type           varchar(128) not null,
    timestamp      timestamptz  not null,
    tenant_id      uuid         not null,
    partition_key  varchar(100) not null,
    correlation_id varchar(64)  not null,
    causation_id   uuid,
    traceparent    varchar(64),
    payload        jsonb        not null
);
create index outbox_event_timestamp_idx on outbox_event (timestamp);

-- Idempotent consumers (architecture.md §7): the event id is recorded in the effect's transaction.
create table processed_event (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (event_id, consumer)
);
create index processed_event_processed_at_idx on processed_event (processed_at);

-- The relay reads this publication; it is created here, by the table owner, because a
-- connector with publication.autocreate.mode=disabled must not need superuser rights.
create publication cs_${service}_outbox for table outbox_event;
