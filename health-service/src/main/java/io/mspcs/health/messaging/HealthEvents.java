package io.mspcs.health.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.health.domain.DimensionScore;
import io.mspcs.health.domain.HealthScore;
import io.mspcs.health.domain.ScoreChange;
import io.mspcs.outbox.OutgoingEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** HealthScored and HealthColorChanged (events.md §4.2); the payload records are this producer's own. */
public final class HealthEvents {

    private HealthEvents() {
    }

    record DimensionData(String dimension, BigDecimal score, String color, String label, boolean complete) {
    }

    record HealthScoredData(String clientId, String scoreId, String modelId, int modelVersion, BigDecimal composite,
                            BigDecimal previousComposite, String color, List<DimensionData> dimensions,
                            Instant scoredAt, String segmentUsed, String trigger, Instant dataAsOf) {
    }

    record HealthColorChangedData(String clientId, String dimension, String color, String previousColor,
                                  BigDecimal score, BigDecimal previousScore, int consecutiveReds, String scoreId,
                                  int modelVersion) {
    }

    /** Only for a score with a complete composite (health.md §5.2). */
    public static OutgoingEvent scored(UUID clientId, UUID scoreId, UUID modelId, int modelVersion, HealthScore score,
                                       BigDecimal previousComposite, Instant scoredAt, String trigger, Instant dataAsOf) {
        String client = clientId.toString();
        return new OutgoingEvent(EventTypes.HEALTH_SCORED, client, DmiEvents.AGGREGATE, client, new HealthScoredData(
                client, scoreId.toString(), modelId.toString(), modelVersion, score.composite(), previousComposite,
                score.compositeColor().name(),
                score.dimensions().stream().map(HealthEvents::dimension).toList(), scoredAt, score.segmentUsed(),
                trigger, dataAsOf));
    }

    private static DimensionData dimension(DimensionScore d) {
        return new DimensionData(d.dimension().name(), d.score(), d.color() == null ? null : d.color().name(),
                d.label(), d.complete());
    }

    /** {@code consecutiveReds} as health.md §3.8 defines it (MonthlyClose.consecutiveReds). */
    public static OutgoingEvent colorChanged(UUID clientId, ScoreChange.Transition transition, int consecutiveReds,
                                             UUID scoreId, int modelVersion) {
        String client = clientId.toString();
        return new OutgoingEvent(EventTypes.HEALTH_COLOR_CHANGED, client, DmiEvents.AGGREGATE, client,
                new HealthColorChangedData(client, transition.dimension(), transition.color().name(),
                        transition.previousColor() == null ? null : transition.previousColor().name(),
                        transition.score(), transition.previousScore(),
                        consecutiveReds, scoreId.toString(),
                        modelVersion));
    }
}
