package io.mspcs.segmentation.domain;

import java.math.BigDecimal;

/** An axis level after hysteresis (segmentation.md §3.2). */
public enum Level {
    HIGH, LOW;

    /**
     * The first classification uses the plain threshold; afterwards a level only flips once the value crosses the
     * threshold by the margin, so a client hovering near 3.0 does not flap.
     */
    public static Level next(Level previous, BigDecimal value, BigDecimal threshold, BigDecimal margin) {
        if (value == null) {
            return previous;
        }
        if (previous == null) {
            return value.compareTo(threshold) >= 0 ? HIGH : LOW;
        }
        if (previous == LOW) {
            return value.compareTo(threshold.add(margin)) >= 0 ? HIGH : LOW;
        }
        return value.compareTo(threshold.subtract(margin)) < 0 ? LOW : HIGH;
    }
}
