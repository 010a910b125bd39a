-- Playbook runs and their tasks (cadence.md §6.2). A run keeps the template version it started with; the seeded
-- templates of §6.3 are version 1 of every tenant.
create table playbook_run (
    id               uuid primary key,
    tenant_id        uuid         not null,
    client_id        uuid         not null,
    template_id      uuid         not null,
    template_key     varchar(60)  not null,
    template_version integer      not null,
    name             varchar(200) not null,
    segment          varchar(2)   not null,
    cta_id           uuid,
    owner_role       varchar(12)  not null,
    owner_member_id  uuid,
    status           varchar(12)  not null,
    started_at       timestamptz  not null,
    first_action_due_at timestamptz,
    ended_at         timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null
);
create index playbook_run_client_idx on playbook_run (tenant_id, client_id);

create table playbook_task (
    id              uuid primary key,
    tenant_id       uuid         not null,
    run_id          uuid         not null references playbook_run (id),
    seq             integer      not null,
    task_key        varchar(20)  not null,
    title           varchar(200) not null,
    owner_role      varchar(12)  not null,
    owner_member_id uuid,
    due_at          timestamptz  not null,
    due_locked      boolean      not null,
    required        boolean      not null,
    status          varchar(10)  not null,
    completed_at    timestamptz,
    note            varchar(2000),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         integer      not null,
    constraint playbook_task_key unique (run_id, task_key)
);
