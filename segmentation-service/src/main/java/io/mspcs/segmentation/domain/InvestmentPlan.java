package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Investment tier and CS hours (segmentation.md §2.4): exact decimals, rounded HALF_UP to 2 places at the end. */
public record InvestmentPlan(Tier tier, int pct, BigDecimal monthlyBudget, BigDecimal annualBudget,
                             BigDecimal monthlyHours, BigDecimal annualHours, BigDecimal proactiveHoursMonthly,
                             BigDecimal reactiveHoursMonthly) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public static InvestmentPlan of(BigDecimal mrr, MrrBand band, Segment segment, SegmentationPolicy.Investment policy) {
        Tier tier = policy.keyedBy() == SegmentationPolicy.KeyedBy.SEGMENT
                ? policy.bySegment().get(segment) : policy.byBand().get(band);
        int pct = policy.tierPct().get(tier);
        BigDecimal budget = mrr.multiply(BigDecimal.valueOf(pct)).divide(HUNDRED, 10, RoundingMode.HALF_UP);
        BigDecimal hours = budget.divide(policy.hourlyCost(), 10, RoundingMode.HALF_UP);
        BigDecimal proactive = hours.multiply(BigDecimal.valueOf(policy.proactivePct())).divide(HUNDRED, 10, RoundingMode.HALF_UP);
        return new InvestmentPlan(tier, pct, round(budget), round(budget.multiply(TWELVE)), round(hours),
                round(hours.multiply(TWELVE)), round(proactive), round(hours.subtract(proactive)));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
