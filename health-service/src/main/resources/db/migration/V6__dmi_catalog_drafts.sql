-- DMI catalogue drafts and publishing (health.md §2.2, §6): at most one DRAFT per tenant; a version records what it
-- was based on and how many insights its publish changed (the quarterly change-limit warning counts them).
alter table dmi_catalog add column based_on_version integer;
alter table dmi_catalog add column created_by varchar(100);
alter table dmi_catalog add column insight_changes integer;
create unique index dmi_catalog_one_draft_idx on dmi_catalog (tenant_id) where status = 'DRAFT';
