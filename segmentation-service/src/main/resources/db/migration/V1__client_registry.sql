-- The client registry (segmentation.md §2.1): one row per client of a tenant, keyed by its PSA identity.
create table client (
    id                    uuid primary key,
    tenant_id             uuid          not null,
    source                varchar(40)   not null,
    external_id           varchar(64)   not null,
    name                  varchar(200)  not null,
    status                varchar(16)   not null,
    mrr_amount            numeric(14, 2) not null,
    mrr_currency          char(3)       not null,
    contract_renewal_date date,
    fiscal_year_end_month smallint      not null,
    industry              varchar(100),
    employee_count        integer,
    registered_at         timestamptz   not null,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    version               integer       not null,
    constraint client_external_key unique (tenant_id, source, external_id)
);
create index client_tenant_name_idx on client (tenant_id, name, id);
