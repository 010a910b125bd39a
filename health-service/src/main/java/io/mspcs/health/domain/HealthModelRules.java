package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Save checks of a model's content (health.md §2.1): every weight group ≥ 0 and summing to 1.00 ± 0.0001
 * ({@code sum}), every band {@code 0 ≤ redBelow < greenMin ≤ 100} ({@code order}), required parts present
 * ({@code required}).
 */
public final class HealthModelRules {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.0001");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private HealthModelRules() {
    }

    public static List<Violation> check(HealthModel model) {
        List<Violation> violations = new ArrayList<>();
        if (model.materialDelta() == null || model.colorMargin() == null || model.na() == null
                || model.bands() == null || model.composite() == null || model.composite().weights() == null
                || model.cx() == null || model.engagement() == null || model.quality() == null
                || model.alignment() == null) {
            violations.add(new Violation("content", "required"));
            return violations;
        }
        sum(violations, "content.composite.weights", model.composite().weights());
        if (model.composite().weightsBySegment() != null) {
            model.composite().weightsBySegment().forEach((segment, weights) ->
                    sum(violations, "content.composite.weightsBySegment." + segment, weights));
        }
        sum(violations, "content.cx.weights", model.cx().weights());
        sum(violations, "content.engagement.weights", model.engagement().weights());
        sum(violations, "content.quality.weights", model.quality().weights());
        sum(violations, "content.alignment.weights", model.alignment().weights());
        model.bands().forEach((dimension, byProfile) -> byProfile.forEach((profile, band) -> {
            if (band.redBelow().signum() < 0 || band.greenMin().compareTo(HUNDRED) > 0) {
                violations.add(new Violation("content.bands." + dimension + "." + profile, "order"));
            }
        }));
        return violations;
    }

    private static void sum(List<Violation> violations, String field, Map<?, BigDecimal> weights) {
        if (weights == null || weights.isEmpty()) {
            violations.add(new Violation(field, "required"));
            return;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal weight : weights.values()) {
            if (weight == null || weight.signum() < 0) {
                violations.add(new Violation(field, "range"));
                return;
            }
            total = total.add(weight);
        }
        if (total.subtract(BigDecimal.ONE).abs().compareTo(TOLERANCE) > 0) {
            violations.add(new Violation(field, "sum"));
        }
    }
}
