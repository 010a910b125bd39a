-- Runs once, when the postgres container initialises an empty data directory
-- (/docker-entrypoint-initdb.d, as the superuser). architecture.md §5:
--   <svc>_owner  owns the database and its schema and runs Flyway (DB_MIGRATION_USER of the service)
--   <svc>_app    the service's own login (DB_USER), granted CONNECT here; DML on the tables comes from
--                the service's migrations (db/tenancy afterMigrate), and row-level security confines it
--                to the tenant each transaction names
--   <svc>_relay  LOGIN REPLICATION for the Debezium connector, SELECT on the outbox through the
--                owner's default privileges (the table is created later by the owner's migration)
-- The publication cs_<svc>_outbox is created by each service's Flyway migration, not here.
-- The gateway publishes no events, so it has no relay role.
-- Passwords come from the container environment (psql 15 \getenv); docker-compose.yml passes them
-- with development defaults: <SVC>_DB_PASSWORD for the owner, <SVC>_APP_DB_PASSWORD for the app role.
\set ON_ERROR_STOP on

\getenv segmentation_owner_password SEGMENTATION_DB_PASSWORD
\getenv segmentation_app_password SEGMENTATION_APP_DB_PASSWORD
\getenv segmentation_relay_password SEGMENTATION_RELAY_PASSWORD
\getenv health_owner_password HEALTH_DB_PASSWORD
\getenv health_app_password HEALTH_APP_DB_PASSWORD
\getenv health_relay_password HEALTH_RELAY_PASSWORD
\getenv cadence_owner_password CADENCE_DB_PASSWORD
\getenv cadence_app_password CADENCE_APP_DB_PASSWORD
\getenv cadence_relay_password CADENCE_RELAY_PASSWORD
\getenv roadmap_owner_password ROADMAP_DB_PASSWORD
\getenv roadmap_app_password ROADMAP_APP_DB_PASSWORD
\getenv roadmap_relay_password ROADMAP_RELAY_PASSWORD
\getenv gateway_owner_password GATEWAY_DB_PASSWORD
\getenv gateway_app_password GATEWAY_APP_DB_PASSWORD

-- segmentation
create role segmentation_owner login password :'segmentation_owner_password';
create role segmentation_app login password :'segmentation_app_password';
create role segmentation_relay login replication password :'segmentation_relay_password';
create database segmentation owner segmentation_owner;
revoke all on database segmentation from public;
grant connect on database segmentation to segmentation_app;
grant connect on database segmentation to segmentation_relay;
\connect segmentation
alter default privileges for role segmentation_owner in schema public grant select on tables to segmentation_relay;
\connect postgres

-- health
create role health_owner login password :'health_owner_password';
create role health_app login password :'health_app_password';
create role health_relay login replication password :'health_relay_password';
create database health owner health_owner;
revoke all on database health from public;
grant connect on database health to health_app;
grant connect on database health to health_relay;
\connect health
alter default privileges for role health_owner in schema public grant select on tables to health_relay;
\connect postgres

-- cadence
create role cadence_owner login password :'cadence_owner_password';
create role cadence_app login password :'cadence_app_password';
create role cadence_relay login replication password :'cadence_relay_password';
create database cadence owner cadence_owner;
revoke all on database cadence from public;
grant connect on database cadence to cadence_app;
grant connect on database cadence to cadence_relay;
\connect cadence
alter default privileges for role cadence_owner in schema public grant select on tables to cadence_relay;
\connect postgres

-- roadmap
create role roadmap_owner login password :'roadmap_owner_password';
create role roadmap_app login password :'roadmap_app_password';
create role roadmap_relay login replication password :'roadmap_relay_password';
create database roadmap owner roadmap_owner;
revoke all on database roadmap from public;
grant connect on database roadmap to roadmap_app;
grant connect on database roadmap to roadmap_relay;
\connect roadmap
alter default privileges for role roadmap_owner in schema public grant select on tables to roadmap_relay;
\connect postgres

-- gateway
create role gateway_owner login password :'gateway_owner_password';
create role gateway_app login password :'gateway_app_password';
create database gateway owner gateway_owner;
revoke all on database gateway from public;
grant connect on database gateway to gateway_app;
