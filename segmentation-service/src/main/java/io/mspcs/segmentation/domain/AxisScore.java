package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One axis (maturity or appetite) from health dimension scores (segmentation.md §3.1). */
public record AxisScore(BigDecimal value, BigDecimal index, List<Contribution> contributions) {

    public record Contribution(String dimension, BigDecimal score, BigDecimal weight, BigDecimal points) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Missing dimensions drop out and the remaining weights are renormalised; with fewer than two present the axis
     * is unknown (the caller keeps its previous value).
     */
    public static Optional<AxisScore> of(Map<String, BigDecimal> weights, Map<String, BigDecimal> scores) {
        List<Contribution> contributions = new ArrayList<>();
        BigDecimal weightSum = BigDecimal.ZERO;
        BigDecimal pointSum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> weight : weights.entrySet()) {
            BigDecimal score = scores.get(weight.getKey());
            if (score == null) {
                continue;
            }
            BigDecimal points = weight.getValue().multiply(score);
            contributions.add(new Contribution(weight.getKey(), score, weight.getValue(), points));
            weightSum = weightSum.add(weight.getValue());
            pointSum = pointSum.add(points);
        }
        if (contributions.size() < 2 || weightSum.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal index = pointSum.divide(weightSum, 10, RoundingMode.HALF_UP);
        BigDecimal value = BigDecimal.ONE.add(BigDecimal.valueOf(4).multiply(index).divide(HUNDRED, 10, RoundingMode.HALF_UP))
                .setScale(1, RoundingMode.HALF_UP);
        return Optional.of(new AxisScore(value, index.setScale(1, RoundingMode.HALF_UP), List.copyOf(contributions)));
    }
}
