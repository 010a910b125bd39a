-- Alert budget and digest (cadence.md §5.7): one row per notification a CTA change carried (IMMEDIATE or DIGEST).
-- The owner's IMMEDIATE count for a local day is counted from these rows (index below), and a digest collects the
-- DIGEST rows since the last digest; digest_date marks the rows a digest has taken (both kinds, so the IMMEDIATE
-- rows of the same window give its budget use).
create table cta_notice (
    id           uuid primary key,
    tenant_id    uuid         not null,
    member_id    uuid,
    cta_id       uuid         not null,
    client_id    uuid         not null,
    kind         varchar(20)  not null,
    title        varchar(140) not null,
    priority     varchar(8)   not null,
    due_at       timestamptz  not null,
    change       varchar(60)  not null,
    notification varchar(9)   not null,
    counted      boolean      not null,
    local_day    date         not null,
    noticed_at   timestamptz  not null,
    digest_date  date,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      integer      not null
);
create index cta_notice_budget_idx on cta_notice (tenant_id, local_day, member_id) where counted;
create index cta_notice_pending_idx on cta_notice (tenant_id, noticed_at) where digest_date is null;
create index cta_notice_digest_idx on cta_notice (tenant_id, member_id, digest_date) where digest_date is not null;

-- One pending digest timer per tenant: writers plan it with "on conflict do nothing".
create unique index timer_digest_pending_uq on timer (tenant_id) where kind = 'CTA_DIGEST' and state = 'PENDING';
