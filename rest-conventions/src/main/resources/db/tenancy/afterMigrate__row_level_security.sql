-- Row-level security on every tenant table (gateway.md §2.2 #4), run by Flyway after every migrate, as the
-- schema owner, so tables added by later migrations are covered without anyone remembering to.
--   * a table is a tenant table when it has a tenant_id column; outbox_event and processed_event are not (the
--     relay and idempotent consumers read them by event id);
--   * the policy admits the rows of the tenant in app.tenant_id, or every row when app.all_tenants is 'on' (the
--     named cross-tenant sweeps); without either setting a query sees zero rows;
--   * FORCE applies it to the owner too; the owner's migration connection turns app.all_tenants on (init-sql);
--   * the application role <service>_app gets DML on every table (but Flyway's history) and sequence, nothing else.
-- Idempotent: tables that already have RLS and the current policy are left alone (no lock taken).
do $$
declare
    tenant_table record;
    -- Each setting in a scalar sub-select: read once per statement (an init plan) instead of once per row, and the
    -- planner estimates the tenant clause like a parameter instead of guessing a tiny selectivity for the OR.
    admitted constant text := 'tenant_id = (select nullif(current_setting(''app.tenant_id'', true), '''')::uuid)'
        || ' or (select current_setting(''app.all_tenants'', true) = ''on'')';
begin
    for tenant_table in
        select c.relname, c.relrowsecurity, c.relforcerowsecurity
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where n.nspname = current_schema()
          and c.relkind in ('r', 'p')
          and c.relname not in ('outbox_event', 'processed_event')
    loop
        if not tenant_table.relrowsecurity then
            execute format('alter table %I enable row level security', tenant_table.relname);
        end if;
        if not tenant_table.relforcerowsecurity then
            execute format('alter table %I force row level security', tenant_table.relname);
        end if;
        if not exists (select from pg_policies
                       where schemaname = current_schema() and tablename = tenant_table.relname
                         and policyname = 'tenant_isolation') then
            execute format('create policy tenant_isolation on %I using (%s) with check (%s)',
                           tenant_table.relname, admitted, admitted);
        elsif exists (select from pg_policies
                      where schemaname = current_schema() and tablename = tenant_table.relname
                        and policyname = 'tenant_isolation' and qual not like '%SELECT%') then
            -- a policy of the first, per-row shape
            execute format('alter policy tenant_isolation on %I using (%s) with check (%s)',
                           tenant_table.relname, admitted, admitted);
        end if;
    end loop;

    if exists (select from pg_roles where rolname = '${service}_app') then
        execute format('grant usage on schema %I to ${service}_app', current_schema());
        execute format('grant select, insert, update, delete on all tables in schema %I to ${service}_app', current_schema());
        execute format('grant usage, select on all sequences in schema %I to ${service}_app', current_schema());
        execute format('revoke all on table %I from ${service}_app', '${flyway:table}');
    end if;
end
$$;
