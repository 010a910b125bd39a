-- Cadence policy documents (cadence.md §2.1): one immutable row per published version.
create table cadence_policy (
    id             uuid primary key,
    tenant_id      uuid        not null,
    policy_version integer     not null,
    document       text        not null,
    published_at   timestamptz not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        integer     not null,
    constraint cadence_policy_version_key unique (tenant_id, policy_version)
);

-- Per-client cadence state: the strategic miss streak (§3.1) and the policy version the lines follow.
alter table client_view
    add column consecutive_misses      integer not null default 0,
    add column last_strategic_held_at  timestamptz,
    add column cadence_policy_version  integer,
    add column cadence_segment         varchar(2);

-- One line per client and meeting type of its segment (§2.2), with an optional per-client frequency override.
create table cadence_line (
    id                 uuid primary key,
    tenant_id          uuid         not null,
    client_id          uuid         not null,
    meeting_type       varchar(40)  not null,
    frequency          varchar(16)  not null,
    override_frequency varchar(16),
    override_reason    varchar(500),
    owner_role         varchar(12)  not null,
    strategic          boolean      not null,
    satisfied_by       varchar(400) not null,
    last_held_at       timestamptz,
    active             boolean      not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            integer      not null
);
create unique index cadence_line_active_key on cadence_line (tenant_id, client_id, meeting_type) where active;

-- Slots (§2.3): at most one open slot per line; closed ones keep the history of misses and satisfactions.
create table cadence_slot (
    id                uuid primary key,
    tenant_id         uuid        not null,
    client_id         uuid        not null,
    line_id           uuid        not null references cadence_line (id),
    meeting_type      varchar(40) not null,
    strategic         boolean     not null,
    anchor_date       date        not null,
    due_date          date        not null,
    window_end        date        not null,
    miss_at           timestamptz not null,
    state             varchar(16) not null,
    meeting_id        uuid,
    miss_reason       varchar(24),
    missed_at         timestamptz,
    policy_version    integer     not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           integer     not null
);
create unique index cadence_slot_one_open on cadence_slot (line_id) where state in ('OPEN', 'WAITING_RECAP');
create index cadence_slot_client_idx on cadence_slot (tenant_id, client_id, state);

create table meeting (
    id                     uuid primary key,
    tenant_id              uuid         not null,
    client_id              uuid         not null,
    meeting_type           varchar(40)  not null,
    title                  varchar(200) not null,
    strategic              boolean      not null,
    format                 varchar(16)  not null,
    scheduled_for          timestamptz  not null,
    duration_minutes       integer      not null,
    confirmed              boolean      not null,
    owner_role             varchar(12)  not null,
    owner_member_id        uuid,
    source                 varchar(10)  not null,
    external_id            varchar(200),
    status                 varchar(12)  not null,
    cancel_reason          varchar(24),
    held_at                timestamptz,
    attendee_roles         varchar(200),
    client_attendee_count  integer,
    decision_maker_present boolean,
    exec_sponsor_present   boolean,
    recap_due_at           timestamptz,
    recap_decided          varchar(2000),
    recap_why_now          varchar(2000),
    recap_owners_and_dates varchar(2000),
    recap_risks            varchar(2000),
    recap_next_cadence     varchar(2000),
    recap_recorded_at      timestamptz,
    recap_on_time          boolean,
    counts                 boolean      not null,
    decisions_count        integer      not null,
    cadence_slot_id        uuid,
    cta_id                 uuid,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                integer      not null
);
create index meeting_client_idx on meeting (tenant_id, client_id, scheduled_for);
create unique index meeting_external_key on meeting (tenant_id, source, external_id) where external_id is not null;

create table decision (
    id               uuid primary key,
    tenant_id        uuid          not null,
    client_id        uuid          not null,
    meeting_id       uuid          not null references meeting (id),
    outcome          varchar(8)    not null,
    summary          varchar(280)  not null,
    owner_member_id  uuid,
    owner_contact_id uuid,
    due_date         date,
    budget_amount    numeric(14, 2),
    budget_currency  char(3),
    credit_gate_met  boolean       not null,
    decided_at       timestamptz   not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          integer       not null
);
create index decision_tenant_idx on decision (tenant_id, client_id, decided_at);

-- Every time rule is a timer row (§3.2); the sweep reads PENDING ones in fire_at order.
create table timer (
    id         uuid primary key,
    tenant_id  uuid        not null,
    client_id  uuid        not null,
    kind       varchar(24) not null,
    subject_id uuid        not null,
    fire_at    timestamptz not null,
    state      varchar(8)  not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    integer     not null
);
create index timer_pending_idx on timer (fire_at, id) where state = 'PENDING';
create index timer_subject_idx on timer (tenant_id, subject_id) where state = 'PENDING';

-- CTA life cycle additions (§5.2–§5.5).
alter table cta
    add column snoozed_until       timestamptz,
    add column snoozed_from_status varchar(12),
    add column snooze_reason       varchar(500),
    add column suppress_until      timestamptz,
    add column meeting_type        varchar(40),
    add column playbook_run_id     uuid,
    add column escalated_to_role   varchar(12);
