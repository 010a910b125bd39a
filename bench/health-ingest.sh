#!/usr/bin/env bash
# health-service ingest + re-score benchmark (issue 4). Starts its own PostgreSQL cluster (pg-cluster.sh on
# BENCH_PG_PORT), an in-JVM Kafka broker (LocalKafkaMain) and the built health-service jar, then runs
# bench/health-ingest-driver.java: 2,000 clients registered through ClientRegistered, 200,000 signals through
# POST /api/v1/signals/bulk, the same rows as a plain JDBC batch insert (the ceiling), and the time to re-score all
# clients after publishing a new model. Everything it starts is stopped on exit (by pid); the cluster is purged.
#
#   bench/health-ingest.sh [--no-build]        env: BENCH_PG_PORT (55532), BENCH_HTTP_PORT (18082),
#     BENCH_DRIVER_OPTS (e.g. "-Dclients=200 -DperClient=100" while iterating; the issue's sizes are the defaults),
#     BENCH_SERVICE_OPTS (extra JVM options of the service, e.g. "-XX:StartFlightRecording=filename=/tmp/h.jfr"),
#     BENCH_PG_SLOW_MS (log statements slower than this many ms; the server log is copied to the run directory),
#     BENCH_KEEP_DB=1 (stop the cluster on exit but keep its data; with BENCH_DRIVER_OPTS="-Drescore.tenant=<uuid>"
#       a later run measures only the re-score of that tenant's clients: a quick loop while iterating),
#     BENCH_APP (a quarkus-app directory to run instead of this checkout's build: A/B runs on the same data),
#     PLATFORM_TEST_TARGET (default: platform-test/target of this checkout; point it at another checkout's build)
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
PG_PORT="${BENCH_PG_PORT:-55532}"
HTTP_PORT="${BENCH_HTTP_PORT:-18082}"
RUN="$(mktemp -d /tmp/health-bench.XXXXXX)"
chmod 755 "$RUN"
export CS_PG_PORT="$PG_PORT" CS_PG_DATA="/tmp/cs-pg-health-bench-$PG_PORT"
PG="$ROOT/platform-test/bin/pg-cluster.sh"
TOKEN="bench-gateway-token"
JAR="$ROOT/health-service/target/quarkus-app/quarkus-run.jar"
PT="${PLATFORM_TEST_TARGET:-$ROOT/platform-test/target}"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  [ -f "$CS_PG_DATA/server.log" ] && cp "$CS_PG_DATA/server.log" "$RUN/postgres.log" 2>/dev/null || true
  rm -rf "$RUN/app"
  if [ "${BENCH_KEEP_DB:-}" = 1 ]; then "$PG" stop >/dev/null 2>&1 || true; else "$PG" purge >/dev/null 2>&1 || true; fi
  echo "logs kept in $RUN"
}
trap cleanup EXIT

if [ -z "${BENCH_APP:-}" ] && { [ "${1:-}" != "--no-build" ] || [ ! -f "$JAR" ]; }; then
  (cd "$ROOT" && ./mvnw -B -o -q -pl health-service package -DskipTests)
fi
[ -d "$PT/lib" ] || { echo "platform-test/target/lib missing: build platform-test first" >&2; exit 1; }
# the service runs from a copy, so a rebuild while the benchmark runs does not pull its jars away
cp -r "${BENCH_APP:-$(dirname "$JAR")}" "$RUN/app"

echo "==> PostgreSQL on $PG_PORT"
"$PG" start >/dev/null
"$PG" ensure-db health health >/dev/null
if [ -n "${BENCH_PG_SLOW_MS:-}" ]; then
  PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
  [ "$(id -u)" = 0 ] && PSQL=(runuser -u postgres -- /usr/lib/postgresql/15/bin/psql "${PSQL[@]:1}")
  "${PSQL[@]}" -c "alter system set log_min_duration_statement = ${BENCH_PG_SLOW_MS}" -c "select pg_reload_conf()" >/dev/null
fi

echo "==> Kafka (in-JVM)"
java -Xmx512m -cp "$PT/platform-test-0.1.0-SNAPSHOT.jar:$PT/lib/*" \
  io.mspcs.platformtest.LocalKafkaMain --run-dir "$RUN" --partitions 3 >"$RUN/kafka.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do [ -s "$RUN/kafka.bootstrap" ] && break; sleep 0.5; done
KAFKA="$(cat "$RUN/kafka.bootstrap")"

echo "==> health-service on $HTTP_PORT"
QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_MANAGEMENT_PORT="$((HTTP_PORT + 1000))" \
  DB_USER=health_app DB_PASSWORD=cs-dev DB_MIGRATION_USER=health_owner DB_MIGRATION_PASSWORD=cs-dev \
  DB_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/health" DB_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/health" \
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA" GATEWAY_TOKEN="$TOKEN" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  java -Xmx512m ${BENCH_SERVICE_OPTS:-} -jar "$RUN/app/quarkus-run.jar" >"$RUN/health.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$((HTTP_PORT + 1000))/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5
done
curl -fs "http://127.0.0.1:$((HTTP_PORT + 1000))/q/health/ready" >/dev/null || { echo "health-service not ready" >&2; tail -50 "$RUN/health.log"; exit 1; }

PGJDBC="$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)"
echo "==> driver"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
SERVICE_PID="${PIDS[1]}"
POSTMASTER_PID="$(head -1 "$CS_PG_DATA/postmaster.pid")"
# The driver connects as the owner (it creates the ceiling's copy table); row-level security is forced on the owner
# too, so its connection turns app.all_tenants on to count every tenant's rows.
java -Xmx1g ${BENCH_DRIVER_OPTS:-} -Dservice.pid="$SERVICE_PID" -Dpg.pid="$POSTMASTER_PID" -cp "$PGJDBC:$PT/lib/*" "$ROOT/bench/health-ingest-driver.java" \
  "http://127.0.0.1:$HTTP_PORT" "jdbc:postgresql://127.0.0.1:$PG_PORT/health?options=-c%20app.all_tenants%3Don" \
  health_owner cs-dev "$KAFKA" "$TOKEN"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
