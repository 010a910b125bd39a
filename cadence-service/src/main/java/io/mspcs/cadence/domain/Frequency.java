package io.mspcs.cadence.domain;

import java.time.LocalDate;
import java.util.Optional;

/** How often a cadence line meets (cadence.md §2.1), with its grace by frequency (§2.2). AD_HOC has no slots. */
public enum Frequency {
    BIWEEKLY(3), MONTHLY(7), QUARTERLY(14), SEMI_ANNUAL(21), ANNUAL(30), AD_HOC(0);

    private final int graceDays;

    Frequency(int graceDays) {
        this.graceDays = graceDays;
    }

    public int graceDays() {
        return graceDays;
    }

    public boolean hasSlots() {
        return this != AD_HOC;
    }

    /** {@code plusWeeks}/{@code plusMonths}: month ends clamp (2026-01-31 + 1 month = 2026-02-28). */
    public LocalDate after(LocalDate date) {
        return switch (this) {
            case BIWEEKLY -> date.plusWeeks(2);
            case MONTHLY -> date.plusMonths(1);
            case QUARTERLY -> date.plusMonths(3);
            case SEMI_ANNUAL -> date.plusMonths(6);
            case ANNUAL -> date.plusMonths(12);
            case AD_HOC -> throw new IllegalStateException("AD_HOC lines have no slots");
        };
    }

    public static Optional<Frequency> parse(String value) {
        for (Frequency frequency : values()) {
            if (frequency.name().equals(value)) {
                return Optional.of(frequency);
            }
        }
        return Optional.empty();
    }
}
