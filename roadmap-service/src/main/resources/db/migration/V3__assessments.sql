-- Assessment templates (published versions are immutable), assessments and their findings (roadmap.md §3.1).
create table assessment_template (
    id               uuid primary key,
    tenant_id        uuid         not null,
    name             varchar(140) not null,
    type             varchar(32)  not null,
    template_version integer      not null,
    categories       jsonb        not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null,
    constraint assessment_template_version_key unique (tenant_id, name, template_version)
);

create table assessment (
    id                 uuid primary key,
    tenant_id          uuid         not null,
    client_id          uuid         not null,
    template_id        uuid         not null references assessment_template (id),
    template_version   integer      not null,
    type               varchar(32)  not null,
    status             varchar(16)  not null,
    assessor_member_id varchar(100),
    conducted_on       date         not null,
    responses          jsonb        not null,
    score              numeric(4, 1),
    completed_at       timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            integer      not null
);
create index assessment_client_idx on assessment (tenant_id, client_id);

create table finding (
    id             uuid primary key,
    tenant_id      uuid          not null,
    assessment_id  uuid          not null references assessment (id),
    item_code      varchar(40),
    title          varchar(200)  not null,
    kind           varchar(16)   not null,
    severity       varchar(8)    not null,
    dimension      varchar(24),
    insight_code   varchar(40),
    business_risk  varchar(2000),
    recommendation varchar(2000),
    initiative_id  uuid,
    auto_created   boolean       not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    version        integer       not null
);
create index finding_assessment_idx on finding (tenant_id, assessment_id);
