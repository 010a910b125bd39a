#!/usr/bin/env bash
# cadence-service sweep benchmark (cadence.md §3.2, issue 6): loads N clients (default 10,000), each with its
# segment-B QBR line, an open slot and one due miss timer, into the module's test PostgreSQL (a real PostgreSQL 15
# cluster started by platform-test, port 55432 by default), then times ONE sweep through the service's own code
# (CadenceSweep.run inside a @QuarkusTest). Target: <= 5 s on the 2-core machine.
#
#   bench/cadence-sweep.sh [clients] [extra Maven args, e.g. -Dcs.pg.port=55452]
#   CS_BENCH_JVM="-XX:StartFlightRecording=filename=/tmp/sweep.jfr" bench/cadence-sweep.sh   (profile with JFR)
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS="${1:-10000}"
shift || true
CADENCE_SWEEP_LOG=DEBUG ./mvnw -B -o -q -pl cadence-service verify -Dtest=CadenceSweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.argLine="-Xmx1g -XX:+UseSerialGC -Dcs.bench.clients=$CLIENTS ${CS_BENCH_JVM:-}" "$@" > /tmp/cadence-sweep-bench.log 2>&1 || {
  tail -50 /tmp/cadence-sweep-bench.log; exit 1; }
cat cadence-service/target/bench-cadence-sweep.txt
