package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One colour band: GREEN at or above {@code greenMin}, RED below {@code redBelow}, YELLOW between (lower bounds
 * inclusive, health.md §9.12).
 */
public record Band(BigDecimal greenMin, BigDecimal redBelow) {

    public Band {
        Objects.requireNonNull(greenMin, "greenMin");
        Objects.requireNonNull(redBelow, "redBelow");
        if (redBelow.compareTo(greenMin) >= 0) {
            throw new IllegalArgumentException("redBelow must be below greenMin");
        }
    }

    public static Band of(String greenMin, String redBelow) {
        return new Band(new BigDecimal(greenMin), new BigDecimal(redBelow));
    }

    /** The plain band colour of a score, without history. */
    public Color colorOf(BigDecimal score) {
        if (score.compareTo(greenMin) >= 0) {
            return Color.GREEN;
        }
        return score.compareTo(redBelow) < 0 ? Color.RED : Color.YELLOW;
    }

    /**
     * The colour with hysteresis (health.md §3.1): worsening is immediate; improving must clear the threshold of
     * the better colour by {@code margin}, so a score hovering on a boundary does not flap.
     */
    public Color colorOf(BigDecimal score, Color from, BigDecimal margin) {
        Color plain = colorOf(score);
        if (from == null || !plain.isBetterThan(from)) {
            return plain;
        }
        if (plain == Color.GREEN && score.compareTo(greenMin.add(margin)) >= 0) {
            return Color.GREEN;
        }
        if (from == Color.RED && score.compareTo(redBelow.add(margin)) >= 0) {
            return Color.YELLOW;
        }
        return from;
    }
}
