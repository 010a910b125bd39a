package io.mspcs.roadmap.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** One insight of a DMI drop's {@code topGaps}: coverage and target are ratios 0–1. */
public record TopGap(String insightCode, BigDecimal coverage, BigDecimal target) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TopGap {
        Objects.requireNonNull(insightCode, "insightCode");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(target, "target");
    }

    /** Only an insight below its target is a gap to remediate. */
    public boolean belowTarget() {
        return coverage.compareTo(target) < 0;
    }

    /** "Remediate MFA coverage (58% → 90%)". */
    public String remediationTitle() {
        return "Remediate " + insightCode.replace('_', ' ') + " coverage (" + percent(coverage) + " → "
                + percent(target) + ")";
    }

    private static String percent(BigDecimal ratio) {
        BigDecimal percent = ratio.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }
}
