#!/bin/sh
# One-shot: registers every Debezium connector file in $CONNECTORS_DIR with Kafka Connect, then
# waits until each connector and its task run. Runs in the curlimages/curl image (busybox sh).
#
# A file is {"name": ..., "config": {...}}; its config object is PUT to /connectors/<name>/config,
# which creates the connector or updates it, so running this again is safe. The ${env:...}
# placeholders stay as they are: Connect resolves them (config.providers=env) from its own
# environment when it starts the connector, so no password passes through this container.
set -eu

CONNECT_URL="${CONNECT_URL:-http://connect:8083}"
CONNECTORS_DIR="${CONNECTORS_DIR:-/connectors}"
WAIT_SECONDS="${WAIT_SECONDS:-120}"

name_of() {
  sed -n 's/^[[:space:]]*"name"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$1" | head -n 1
}

# The "config" object: everything after `"config":` up to the file's closing brace.
config_of() {
  tr -d '\n\r' <"$1" | sed -e 's/^.*"config"[[:space:]]*:[[:space:]]*//' -e 's/}[[:space:]]*$//'
}

count=0
for file in "$CONNECTORS_DIR"/*.json; do
  [ -f "$file" ] || { echo "no connector files in $CONNECTORS_DIR" >&2; exit 1; }
  name="$(name_of "$file")"
  [ -n "$name" ] || { echo "$file has no \"name\"" >&2; exit 1; }
  echo "registering $name ($file)"
  config_of "$file" | curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/json' \
    --data-binary @- "$CONNECT_URL/connectors/$name/config"
  count=$((count + 1))
done

deadline=$(($(date +%s) + WAIT_SECONDS))
for file in "$CONNECTORS_DIR"/*.json; do
  name="$(name_of "$file")"
  while :; do
    status="$(curl -fsS "$CONNECT_URL/connectors/$name/status" 2>/dev/null || true)"
    running="$(printf '%s' "$status" | grep -o '"state":"RUNNING"' | wc -l)"
    if [ "$running" -ge 2 ]; then
      echo "$name: RUNNING"
      break
    fi
    if printf '%s' "$status" | grep -q '"state":"FAILED"'; then
      echo "$name FAILED: $status" >&2
      exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "$name not running after ${WAIT_SECONDS}s: $status" >&2
      exit 1
    fi
    sleep 2
  done
done
echo "$count connectors registered"
