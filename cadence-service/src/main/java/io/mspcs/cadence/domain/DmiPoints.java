package io.mspcs.cadence.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** DMI values and point differences as people read them: one or two decimals (74.0, 61.5, 12.95). */
public final class DmiPoints {

    private DmiPoints() {
    }

    public static String format(BigDecimal value) {
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 1 ? rounded.setScale(1) : rounded).toPlainString();
    }
}
