package io.mspcs.roadmap.domain;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * An initiative's cost estimate (roadmap.md §3.2): a one-time amount of {@code spendType} and/or a monthly recurring
 * OPEX amount from {@code recurringStart} (null = first month of the initiative's quarter) for {@code termMonths}
 * (null = open-ended). Amounts are in the tenant's single currency.
 */
public record Estimate(BigDecimal oneTime, SpendType spendType, BigDecimal recurringMonthly, YearMonth recurringStart,
                       Integer termMonths) {

    public static Estimate none() {
        return new Estimate(null, null, null, null, null);
    }

    public boolean isEmpty() {
        return oneTime == null && recurringMonthly == null;
    }

    /** Something to propose: a positive amount, or 0.00 for remediation work (roadmap.md §4 #4). */
    public boolean hasAmount(boolean remediation) {
        return positive(oneTime) || positive(recurringMonthly)
                || (remediation && (oneTime != null || recurringMonthly != null));
    }

    public BigDecimal oneTimeOrZero() {
        return oneTime == null ? BigDecimal.ZERO : oneTime;
    }

    public BigDecimal recurringOrZero() {
        return recurringMonthly == null ? BigDecimal.ZERO : recurringMonthly;
    }

    /** A quarter move shifts an explicit start month by the same number of months (roadmap.md §7). */
    public Estimate shiftedBy(long months) {
        return recurringStart == null || months == 0 ? this
                : new Estimate(oneTime, spendType, recurringMonthly, recurringStart.plusMonths(months), termMonths);
    }

    private static boolean positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }
}
