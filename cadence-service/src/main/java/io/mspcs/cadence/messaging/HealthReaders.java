package io.mspcs.cadence.messaging;

import io.mspcs.cadence.domain.HealthRule;
import io.mspcs.cadence.domain.DmiDrop;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;

import java.math.BigDecimal;
import java.util.UUID;

import static io.mspcs.cadence.messaging.SegmentationReaders.require;

/** Cadence's tolerant readers of health events (events.md §4.2). */
public final class HealthReaders {

    private HealthReaders() {
    }

    public record DmiDropped(UUID clientId, UUID snapshotId, BigDecimal dmi, BigDecimal previousDmi, String segment) {
        public static DmiDrop read(EventEnvelope event) {
            DmiDropped data = EventCodec.readData(event, DmiDropped.class);
            require(event, data.clientId(), "clientId");
            require(event, data.snapshotId(), "snapshotId");
            require(event, data.dmi(), "dmi");
            require(event, data.previousDmi(), "previousDmi");
            return new DmiDrop(event.id(), event.type(), event.time(), event.correlationId(), data.clientId(),
                    data.snapshotId(), data.dmi(), data.previousDmi(), Segment.parse(data.segment()).orElse(null));
        }
    }

    /** The four raising events of the condition rules, read into one shape (only the fields the rules use). */
    public static HealthRule.Raise raise(EventEnvelope event) {
        com.fasterxml.jackson.databind.JsonNode d = event.data();
        UUID clientId = uuid(event, d, "clientId");
        java.util.Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        return switch (event.type()) {
            case io.mspcs.contracts.EventTypes.DMI_STALLED -> {
                UUID snapshot = uuid(event, d, "snapshotId");
                int cycles = d.path("flatCycles").asInt(0);
                inputs.put("dmi", d.path("dmi").decimalValue());
                inputs.put("flatCycles", cycles);
                yield new HealthRule.Raise("AD-T4", clientId, event.id(), event.type(), event.time(),
                        event.correlationId(), "snapshot:" + snapshot, null, null, String.valueOf(cycles),
                        "flat for " + cycles + " cycles at " + d.path("dmi").asText(), inputs);
            }
            case io.mspcs.contracts.EventTypes.ADOPTION_GATE_BREACHED -> {
                UUID gateId = uuid(event, d, "gateId");
                String gate = text(event, d, "gate");
                StringBuilder failing = new StringBuilder();
                d.path("failing").forEach(f -> failing.append(failing.isEmpty() ? "" : ", ")
                        .append(f.path("insightCode").asText()).append(' ').append(f.path("coverage").asText()));
                inputs.put("gateId", gateId.toString());
                inputs.put("gate", gate);
                yield new HealthRule.Raise("AD-T10", clientId, event.id(), event.type(), event.time(),
                        event.correlationId(), "gate:" + gateId, "GATE:" + gateId, gate, failing.toString(),
                        gate + " " + failing, inputs);
            }
            case io.mspcs.contracts.EventTypes.BACKUP_RISK_DETECTED -> {
                UUID riskId = uuid(event, d, "riskId");
                String kind = text(event, d, "kind");
                inputs.put("riskId", riskId.toString());
                inputs.put("kind", kind);
                yield new HealthRule.Raise("AD-T3", clientId, event.id(), event.type(), event.time(),
                        event.correlationId(), "risk:" + riskId, "BACKUP:" + riskId, null, kind, kind, inputs);
            }
            default -> {
                String dimension = text(event, d, "dimension");
                inputs.put("dimension", dimension);
                inputs.put("score", d.path("score").decimalValue());
                yield new HealthRule.Raise("HC-RED", clientId, event.id(), event.type(), event.time(),
                        event.correlationId(), "score:" + d.path("scoreId").asText(), "COLOR:" + dimension, dimension,
                        dimension, dimension + " " + d.path("previousColor").asText("?") + " → RED", inputs);
            }
        };
    }

    private static UUID uuid(EventEnvelope event, com.fasterxml.jackson.databind.JsonNode d, String field) {
        try {
            return UUID.fromString(text(event, d, field));
        } catch (IllegalArgumentException e) {
            throw new io.mspcs.contracts.PoisonEventException(event.type() + " " + event.id() + " has a bad " + field);
        }
    }

    private static String text(EventEnvelope event, com.fasterxml.jackson.databind.JsonNode d, String field) {
        com.fasterxml.jackson.databind.JsonNode value = d.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new io.mspcs.contracts.PoisonEventException(event.type() + " " + event.id() + " has no " + field);
        }
        return value.asText();
    }

    public record DmiMeasured(UUID clientId, BigDecimal dmi, BigDecimal delta) {
        public static DmiMeasured read(EventEnvelope event) {
            DmiMeasured data = EventCodec.readData(event, DmiMeasured.class);
            require(event, data.clientId(), "clientId");
            require(event, data.dmi(), "dmi");
            return data;
        }
    }

    /** {@code HealthColorChanged} as AR-RED reads it. */
    public record ColorChange(UUID clientId, String dimension, String color, String previousColor, UUID scoreId) {
        public static ColorChange read(EventEnvelope event) {
            ColorChange data = EventCodec.readData(event, ColorChange.class);
            require(event, data.clientId(), "clientId");
            require(event, data.dimension(), "dimension");
            require(event, data.color(), "color");
            return data;
        }
    }
}
