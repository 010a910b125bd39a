-- The sweep reads owners and open cadence CTAs for a batch of clients by client id (cadence.md §3.2).
create index client_owner_client_idx on client_owner (client_id);
create index cta_open_client_idx on cta (client_id) where status <> 'CLOSED';
