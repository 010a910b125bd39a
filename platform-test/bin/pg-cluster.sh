#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for tests and the local launcher (architecture.md §8):
# its own data directory and port, logical WAL for Debezium, trust on loopback, durability off.
#
#   pg-cluster.sh start                 install PostgreSQL if missing, init and start the cluster
#   pg-cluster.sh stop | status
#   pg-cluster.sh ensure-db DB SERVICE  create DB owned by SERVICE_owner, used by SERVICE_app, readable by SERVICE_relay
#   pg-cluster.sh purge                 stop and delete the data directory
#
# CS_PG_PORT (default 55432) and CS_PG_DATA (default /tmp/cs-pg-$CS_PG_PORT) select the cluster.
set -euo pipefail

PORT="${CS_PG_PORT:-55432}"
DATA="${CS_PG_DATA:-/tmp/cs-pg-$PORT}"
PG_VERSION=15
BIN="/usr/lib/postgresql/$PG_VERSION/bin"
PASSWORD="${CS_PG_PASSWORD:-cs-dev}"

# initdb and pg_ctl refuse to run as root; run them as the postgres OS user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

psql_super() {
  as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"
}

install_postgres() {
  if [ -x "$BIN/initdb" ]; then return; fi
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL $PG_VERSION is missing; install postgresql-$PG_VERSION (as root)" >&2
    exit 1
  fi
  echo "installing postgresql-$PG_VERSION ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null
  # The package starts its own cluster on 5432; ours is separate, so that one is not needed.
  pg_ctlcluster "$PG_VERSION" main stop 2>/dev/null || true
}

is_running() {
  [ -f "$DATA/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
  install_postgres
  if is_running; then echo "PostgreSQL already running on 127.0.0.1:$PORT ($DATA)"; return; fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
    chmod 700 "$DATA"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start -o "\
    -c port=$PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DATA \
    -c wal_level=logical -c max_replication_slots=20 -c max_wal_senders=20 \
    -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  echo "PostgreSQL running on 127.0.0.1:$PORT ($DATA)"
}

stop() {
  if is_running; then as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; echo "PostgreSQL on $PORT stopped"; fi
}

# Roles per service (architecture.md §5): <svc>_owner owns the schema and runs migrations, <svc>_app is what
# the service connects as (DML only, under row-level security; its grants come from the migrations),
# <svc>_relay may replicate and read the outbox. Roles are cluster-wide, databases are not.
ensure_db() {
  local db="$1" svc="$2"
  psql_super -d postgres <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '${svc}_owner') then
    create role ${svc}_owner login password '${PASSWORD}';
  end if;
  if not exists (select from pg_roles where rolname = '${svc}_app') then
    create role ${svc}_app login password '${PASSWORD}';
  end if;
  if not exists (select from pg_roles where rolname = '${svc}_relay') then
    create role ${svc}_relay login replication password '${PASSWORD}';
  end if;
end \$\$;
SQL
  if [ -z "$(psql_super -d postgres -tAc "select 1 from pg_database where datname = '$db'")" ]; then
    psql_super -d postgres -c "create database $db owner ${svc}_owner"
    psql_super -d "$db" -c "alter default privileges for role ${svc}_owner in schema public grant select on tables to ${svc}_relay"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if is_running; then echo "running on 127.0.0.1:$PORT ($DATA)"; else echo "stopped"; exit 3; fi ;;
  ensure-db) ensure_db "$2" "$3" ;;
  purge) stop; rm -rf "$DATA"; echo "deleted $DATA" ;;
  *) echo "usage: $0 start|stop|status|ensure-db DB SERVICE|purge" >&2; exit 2 ;;
esac
