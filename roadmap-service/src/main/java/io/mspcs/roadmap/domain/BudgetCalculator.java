package io.mspcs.roadmap.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Budget derivation (roadmap.md §7, §12.8–9): an initiative's one-time amount falls whole into its quarter under its
 * spend type; its recurring amount is OPEX in every month from its start for its term (open-ended by default).
 * Work in review, proposed or deferred is PLANNED; approved work and later is COMMITTED; drafts count nothing.
 */
public final class BudgetCalculator {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private BudgetCalculator() {
    }

    public enum LineStatus { PLANNED, COMMITTED }

    /** One initiative as the budget sees it. */
    public record Item(UUID initiativeId, LineStatus status, Quarter quarter, Estimate estimate) {
    }

    public record Split(BigDecimal capex, BigDecimal opex) {

        static final Split NONE = new Split(ZERO, ZERO);

        Split plus(SpendType type, BigDecimal amount) {
            return type == SpendType.CAPEX ? new Split(capex.add(amount), opex) : new Split(capex, opex.add(amount));
        }

        public BigDecimal total() {
            return capex.add(opex);
        }

        public Split plus(Split other) {
            return new Split(capex.add(other.capex), opex.add(other.opex));
        }
    }

    public record QuarterFigures(Quarter quarter, Split committed, Split planned) {

        public Split forecast() {
            return committed.plus(planned);
        }
    }

    public record Totals(BigDecimal oneTime, BigDecimal recurring, BigDecimal capex, BigDecimal opex,
                         BigDecimal committed, BigDecimal forecast) {
    }

    public record FiscalYearFigures(int fiscalYear, List<QuarterFigures> quarters, Totals totals) {

        public boolean isEmpty() {
            return totals.forecast().signum() == 0;
        }
    }

    /** @param items the client's initiatives with lines (callers leave drafts and uncompleted closings out) */
    public static FiscalYearFigures fiscalYear(int fiscalYear, FiscalCalendar calendar, List<Item> items) {
        List<QuarterFigures> quarters = new ArrayList<>();
        BigDecimal oneTime = ZERO;
        BigDecimal recurring = ZERO;
        for (int number = 1; number <= 4; number++) {
            Quarter quarter = new Quarter(fiscalYear, number);
            Split committed = Split.NONE;
            Split planned = Split.NONE;
            for (Item item : items) {
                if (item.quarter() == null) {
                    continue; // backlog work has no place in time, so no line
                }
                Estimate estimate = item.estimate();
                Split add = Split.NONE;
                if (estimate.oneTime() != null && quarter.equals(item.quarter())) {
                    SpendType type = estimate.spendType() == null ? SpendType.OPEX : estimate.spendType();
                    add = add.plus(type, estimate.oneTime());
                    oneTime = oneTime.add(estimate.oneTime());
                }
                BigDecimal monthly = recurringIn(quarter, calendar, item);
                if (monthly.signum() != 0) {
                    add = add.plus(SpendType.OPEX, monthly);
                    recurring = recurring.add(monthly);
                }
                if (item.status() == LineStatus.COMMITTED) {
                    committed = committed.plus(add);
                } else {
                    planned = planned.plus(add);
                }
            }
            quarters.add(new QuarterFigures(quarter, committed, planned));
        }
        Split forecast = quarters.stream().map(QuarterFigures::forecast).reduce(Split.NONE, Split::plus);
        BigDecimal committed = quarters.stream().map(q -> q.committed().total()).reduce(ZERO, BigDecimal::add);
        return new FiscalYearFigures(fiscalYear, List.copyOf(quarters),
                new Totals(oneTime, recurring, forecast.capex(), forecast.opex(), committed, forecast.total()));
    }

    /** The recurring amount of the quarter's months that lie within [start, start + term). */
    static BigDecimal recurringIn(Quarter quarter, FiscalCalendar calendar, Item item) {
        Estimate estimate = item.estimate();
        if (estimate.recurringMonthly() == null || estimate.recurringMonthly().signum() == 0) {
            return ZERO;
        }
        YearMonth start = estimate.recurringStart() != null ? estimate.recurringStart()
                : calendar.firstMonthOf(item.quarter());
        YearMonth end = estimate.termMonths() == null ? null : start.plusMonths(estimate.termMonths());
        int months = 0;
        for (YearMonth month = calendar.firstMonthOf(quarter); !month.isAfter(calendar.lastMonthOf(quarter));
             month = month.plusMonths(1)) {
            if (!month.isBefore(start) && (end == null || month.isBefore(end))) {
                months++;
            }
        }
        return estimate.recurringMonthly().multiply(BigDecimal.valueOf(months));
    }

    /** The budget line status of a state, or null when the state has no lines (roadmap.md §7). */
    public static LineStatus statusOf(InitiativeState state, boolean completed) {
        return switch (state) {
            case INTERNAL_REVIEW, PROPOSED, DEFERRED -> LineStatus.PLANNED;
            case APPROVED, IN_PROGRESS, COMPLETED -> LineStatus.COMMITTED;
            case CLOSED -> completed ? LineStatus.COMMITTED : null;
            default -> null;
        };
    }
}
