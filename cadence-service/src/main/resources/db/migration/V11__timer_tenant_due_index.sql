-- A sweep narrowed to one tenant (POST /admin/sweep, the bench) reads that tenant's due timers in fire_at order;
-- timer_pending_idx (fire_at, id) serves the all-tenant run, this one the narrowed run without sorting every
-- pending timer of the tenant (cadence.md §3.2).
create index timer_tenant_pending_idx on timer (tenant_id, fire_at, id) where state = 'PENDING';
