package io.mspcs.roadmap.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Assessment score (roadmap.md §3.1): 100 × Σ(w·a) / Σw with w = 5/3/1 for HIGH/MEDIUM/LOW items and
 * a = 1/0.5/0 for ALIGNED/MARGINAL/VULNERABLE; NOT_APPLICABLE and unanswered items are left out.
 */
public final class AssessmentScore {

    public enum ItemPriority { HIGH, MEDIUM, LOW }

    public enum Answer { ALIGNED, MARGINAL, VULNERABLE, NOT_APPLICABLE }

    public record Response(ItemPriority priority, Answer answer) {
    }

    private AssessmentScore() {
    }

    /** HALF_UP to one decimal; null when nothing counts. */
    public static BigDecimal of(List<Response> responses) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Response response : responses) {
            if (response.answer() == null || response.answer() == Answer.NOT_APPLICABLE) {
                continue;
            }
            BigDecimal weight = BigDecimal.valueOf(switch (response.priority()) {
                case HIGH -> 5;
                case MEDIUM -> 3;
                case LOW -> 1;
            });
            BigDecimal achieved = switch (response.answer()) {
                case ALIGNED -> BigDecimal.ONE;
                case MARGINAL -> new BigDecimal("0.5");
                default -> BigDecimal.ZERO;
            };
            weighted = weighted.add(weight.multiply(achieved));
            weights = weights.add(weight);
        }
        if (weights.signum() == 0) {
            return null;
        }
        return weighted.multiply(BigDecimal.valueOf(100)).divide(weights, 1, RoundingMode.HALF_UP);
    }
}
