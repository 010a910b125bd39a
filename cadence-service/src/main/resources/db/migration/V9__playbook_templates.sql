-- Tenant versions of playbook templates (cadence.md §6.1, §8.4). The seeded catalogue (§6.3) is version 1 of every
-- tenant and is not stored until the tenant edits or retires it. One DRAFT per key at most; PUBLISHED and later rows
-- never change their tasks (a run keeps the version it started with).
create table playbook_template (
    id               uuid         primary key,
    tenant_id        uuid         not null,
    template_key     varchar(60)  not null,
    template_version integer      not null,
    status           varchar(12)  not null,
    document         text         not null,
    published_at     timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null default 0,
    constraint playbook_template_key unique (tenant_id, template_key, template_version)
);
