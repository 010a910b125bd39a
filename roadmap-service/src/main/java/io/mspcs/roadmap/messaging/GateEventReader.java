package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.PoisonEventException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fields of health.AdoptionGateBreached.v1 / AdoptionGateCleared.v1 roadmap uses. */
public record GateEventReader(UUID gateId, String gate, List<FailingReader> failing, Instant since,
                              ReasonReader reason) {

    public record FailingReader(String insightCode, BigDecimal coverage, BigDecimal threshold) {
    }

    public record ReasonReader(String code, String text) {
    }

    public static GateEventReader read(EventEnvelope event) {
        GateEventReader data = EventCodec.readData(event, GateEventReader.class);
        if (data.gateId() == null || data.gate() == null) {
            throw new PoisonEventException(event.type() + " without gateId or gate");
        }
        if (data.failing() != null && data.failing().stream().anyMatch(f -> f.insightCode() == null)) {
            throw new PoisonEventException(event.type() + " failing entry without insightCode");
        }
        return data;
    }

    public List<FailingReader> failingOrEmpty() {
        return failing == null ? List.of() : failing;
    }

    public String reasonText() {
        return reason == null ? null : reason.text();
    }
}
