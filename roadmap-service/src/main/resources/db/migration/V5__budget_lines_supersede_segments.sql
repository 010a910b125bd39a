-- Manual budget lines (roadmap.md §3.4, §12.15): renewals, subscriptions, hardware with a sourceRef and no initiative.
-- Lines derived from initiatives stay computed. amount is the line's total in its quarter.
create table budget_line (
    id          uuid primary key,
    tenant_id   uuid           not null,
    client_id   uuid           not null,
    budget_id   uuid           not null references budget (id),
    fiscal_year integer        not null,
    quarter     varchar(7)     not null,
    source      varchar(24)    not null,
    source_ref  varchar(200)   not null,
    category    varchar(8)     not null,
    recurrence  varchar(12)    not null,
    months      smallint       not null,
    amount      numeric(14, 2) not null,
    currency    char(3)        not null,
    status      varchar(12)    not null,
    description varchar(500)   not null,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    version     integer        not null
);
create index budget_line_client_idx on budget_line (tenant_id, client_id, fiscal_year);

-- Superseding proposals (roadmap.md §3.5): the new version links the one it replaces, which links back once sent.
alter table proposal
    add column supersedes_proposal_id uuid,
    add column superseded_by          uuid;

-- Segment of the client view (roadmap.md §3.7) from SegmentAssigned / SegmentChanged, applied only when newer.
alter table client_view
    add column segment            varchar(8),
    add column segment_event_time timestamptz;
create index client_view_segment_idx on client_view (tenant_id, segment);

-- The quarter the last rollover brought the roadmap to (roadmap.md §7): the first sweep of a quarter rolls over once.
alter table roadmap
    add column rolled_over_to varchar(7);
