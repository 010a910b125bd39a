-- Monthly CYCLE snapshots and the nextReviewAt sweep (health.md §2.3, §3.3, §8).
-- cycle_period: the last month whose cycle close this client has passed (YYYY-MM, tenant zone); the next recompute
-- at or after the following 1st takes the CYCLE snapshot for the month that ended.
alter table client_health add column cycle_period char(7);
-- next instant a time-based input of the client changes; the sweep recomputes clients whose instant has come
alter table client_health add column next_review_at timestamptz;
update client_health set next_review_at = now() where registered_at is not null;
create index client_health_review_idx on client_health (next_review_at) where next_review_at is not null;

-- the first CYCLE snapshot of the current flat run (DmiStalled.since)
alter table dmi_snapshot add column flat_since date;
