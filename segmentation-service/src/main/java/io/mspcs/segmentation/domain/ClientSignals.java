package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What segmentation keeps from consumed events about one client (segmentation.md §2.3): DMI readings, cadence
 * records, negative events, open negative CTAs and the latest composite colour.
 */
public record ClientSignals(List<DmiReading> dmiReadings, List<CadenceRecord> cadence, List<NegativeEvent> negativeEvents,
                            List<OpenCta> openNegativeCtas, String healthColor, Instant colorScoredAt,
                            Map<String, BigDecimal> dimensionScores) {

    public enum CadenceKind { MEETING_HELD, CADENCE_MISSED }

    public enum NegativeKind { AT_RISK_CTA, RED_COLOR, COMPLAINT, ESCALATION, OTHER }

    public record DmiReading(BigDecimal dmi, Instant measuredAt) {
    }

    public record CadenceRecord(CadenceKind kind, Instant at) {
    }

    public record NegativeEvent(NegativeKind kind, Instant occurredAt, String ctaId, String signalId, String note) {
    }

    public record OpenCta(String ctaId, Instant openedAt) {
    }

    public ClientSignals with(List<DmiReading> newReadings, List<CadenceRecord> newCadence, List<NegativeEvent> newNegatives,
                              List<OpenCta> newOpen) {
        return new ClientSignals(newReadings, newCadence, newNegatives, newOpen, healthColor, colorScoredAt, dimensionScores);
    }

    public ClientSignals withHealth(String color, Instant scoredAt, Map<String, BigDecimal> scores) {
        return new ClientSignals(dmiReadings, cadence, negativeEvents, openNegativeCtas, color, scoredAt, scores);
    }

    public static ClientSignals none() {
        return new ClientSignals(List.of(), List.of(), List.of(), List.of(), null, null, Map.of());
    }
}
