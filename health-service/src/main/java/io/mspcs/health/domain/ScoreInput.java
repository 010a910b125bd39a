package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One input of a dimension score, the unit of explanation (health.md §2.5). {@code subScore}, {@code
 * effectiveWeight} and {@code contribution} are null unless the input counted (status OK); contributions of a
 * dimension's OK inputs add up to its score.
 */
public record ScoreInput(String key, String label, BigDecimal value, String unit, BigDecimal subScore,
                         BigDecimal weight, BigDecimal effectiveWeight, BigDecimal contribution, InputStatus status,
                         Color color, Integer sampleSize, String window, Instant asOf, Instant receivedAt,
                         List<String> evidence) {

    public ScoreInput {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean counts() {
        return status == InputStatus.OK;
    }

    ScoreInput weighed(BigDecimal effective, BigDecimal points) {
        return new ScoreInput(key, label, value, unit, subScore, weight, effective, points, status, color, sampleSize,
                window, asOf, receivedAt, evidence);
    }
}
