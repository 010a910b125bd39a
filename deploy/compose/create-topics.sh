#!/bin/sh
# One-shot: creates the event topics and their dead-letter topics on the compose Kafka
# (events.md §2, local sizes: 3 partitions, DLQ 1, replication 1, 30 days, delete).
# Runs in the apache/kafka image; idempotent (--if-not-exists).
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
TOPICS_BIN="${KAFKA_TOPICS_BIN:-/opt/kafka/bin/kafka-topics.sh}"
RETENTION_MS=2592000000 # 30 days

create() {
  "$TOPICS_BIN" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor 1 \
    --config retention.ms="$RETENTION_MS" --config cleanup.policy=delete
}

for service in segmentation health cadence roadmap; do
  create "cs.$service.events" 3
  create "cs.$service.events.dlq" 1
done

"$TOPICS_BIN" --bootstrap-server "$BOOTSTRAP" --list
