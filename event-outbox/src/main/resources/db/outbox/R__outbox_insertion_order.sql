-- Insertion order of outbox rows, also within one transaction (ctid is not: a row may reuse free space).
-- The relay follows the WAL and needs none of this; tests and operators reading the table do.
-- Repeatable and idempotent, so it reaches databases already migrated past the service's own versions.
alter table outbox_event add column if not exists seq bigint generated always as identity;
