package io.mspcs.roadmap.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A manual line (roadmap.md §3.4, §12.15): a renewal, subscription or hardware cost; {@code amount} is its total
     *  in the quarter, whatever its recurrence. */
    public record ManualLine(UUID id, Quarter quarter, SpendType category, boolean recurring, BigDecimal amount,
                             LineStatus status) {
    }

    /** A derived line: what one initiative puts into one quarter, one-time or recurring. */
    public record DerivedLine(UUID id, UUID initiativeId, Quarter quarter, SpendType category, boolean recurring,
                              int months, BigDecimal amount, LineStatus status) {

        /** What a reader of the line sees besides its id (which already names initiative, quarter and kind). */
        public String fingerprint() {
            return category + "/" + months + "/" + amount.stripTrailingZeros().toPlainString() + "/" + status;
        }
    }

    /** The derived lines of a fiscal year by id, each with its {@link DerivedLine#fingerprint()}, in line order. */
    public static Map<UUID, String> fingerprints(List<DerivedLine> lines) {
        Map<UUID, String> result = new LinkedHashMap<>();
        lines.forEach(line -> result.put(line.id(), line.fingerprint()));
        return result;
    }

    /**
     * The derived lines a change touched: new ones, changed ones, then the ones that are gone. {@code before} is
     * null when what the fiscal year held is not known (never saved with its lines): every present line counts.
     */
    public static List<UUID> changedDerivedLines(Map<UUID, String> before, Map<UUID, String> after) {
        if (before == null) {
            return List.copyOf(after.keySet());
        }
        List<UUID> changed = new ArrayList<>();
        after.forEach((id, fingerprint) -> {
            if (!fingerprint.equals(before.get(id))) {
                changed.add(id);
            }
        });
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(changed::add);
        return changed;
    }

    /** @param items the client's initiatives with lines (callers leave drafts and uncompleted closings out) */
    public static FiscalYearFigures fiscalYear(int fiscalYear, FiscalCalendar calendar, List<Item> items) {
        return fiscalYear(fiscalYear, calendar, items, List.of());
    }

    /** The figures of a fiscal year from the initiatives' derived lines and the manual lines. */
    public static FiscalYearFigures fiscalYear(int fiscalYear, FiscalCalendar calendar, List<Item> items,
                                               List<ManualLine> manual) {
        List<DerivedLine> derived = derivedLines(fiscalYear, calendar, items);
        List<QuarterFigures> quarters = new ArrayList<>();
        BigDecimal oneTime = ZERO;
        BigDecimal recurring = ZERO;
        for (int number = 1; number <= 4; number++) {
            Quarter quarter = new Quarter(fiscalYear, number);
            Split committed = Split.NONE;
            Split planned = Split.NONE;
            List<Contribution> contributions = new ArrayList<>();
            derived.stream().filter(line -> line.quarter().equals(quarter)).forEach(line -> contributions.add(
                    new Contribution(line.category(), line.recurring(), line.amount(), line.status())));
            manual.stream().filter(line -> line.quarter().equals(quarter)).forEach(line -> contributions.add(
                    new Contribution(line.category(), line.recurring(), line.amount(), line.status())));
            for (Contribution line : contributions) {
                if (line.recurring()) {
                    recurring = recurring.add(line.amount());
                } else {
                    oneTime = oneTime.add(line.amount());
                }
                if (line.status() == LineStatus.COMMITTED) {
                    committed = committed.plus(line.category(), line.amount());
                } else {
                    planned = planned.plus(line.category(), line.amount());
                }
            }
            quarters.add(new QuarterFigures(quarter, committed, planned));
        }
        Split forecast = quarters.stream().map(QuarterFigures::forecast).reduce(Split.NONE, Split::plus);
        BigDecimal committed = quarters.stream().map(q -> q.committed().total()).reduce(ZERO, BigDecimal::add);
        return new FiscalYearFigures(fiscalYear, List.copyOf(quarters),
                new Totals(oneTime, recurring, forecast.capex(), forecast.opex(), committed, forecast.total()));
    }

    private record Contribution(SpendType category, boolean recurring, BigDecimal amount, LineStatus status) {
    }

    /**
     * The lines the initiatives put into the fiscal year (roadmap.md §7): one-time whole in the initiative's quarter
     * under its spend type, recurring OPEX for the months of each quarter within [start, start + term). Ids are
     * derived from initiative, quarter and kind, so they stay the same between reads.
     */
    public static List<DerivedLine> derivedLines(int fiscalYear, FiscalCalendar calendar, List<Item> items) {
        List<DerivedLine> lines = new ArrayList<>();
        for (int number = 1; number <= 4; number++) {
            Quarter quarter = new Quarter(fiscalYear, number);
            for (Item item : items) {
                if (item.quarter() == null) {
                    continue; // backlog work has no place in time, so no line
                }
                Estimate estimate = item.estimate();
                if (estimate.oneTime() != null && quarter.equals(item.quarter())) {
                    SpendType type = estimate.spendType() == null ? SpendType.OPEX : estimate.spendType();
                    lines.add(new DerivedLine(lineId(item.initiativeId(), quarter, "ONE_TIME"), item.initiativeId(),
                            quarter, type, false, 0, estimate.oneTime(), item.status()));
                }
                int months = recurringMonthsIn(quarter, calendar, item);
                if (months > 0) {
                    lines.add(new DerivedLine(lineId(item.initiativeId(), quarter, "RECURRING"), item.initiativeId(),
                            quarter, SpendType.OPEX, true, months,
                            estimate.recurringMonthly().multiply(BigDecimal.valueOf(months)), item.status()));
                }
            }
        }
        return lines;
    }

    public static UUID lineId(UUID initiativeId, Quarter quarter, String kind) {
        return UUID.nameUUIDFromBytes((initiativeId + ":" + quarter + ":" + kind)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** How many months of the quarter lie within the recurring [start, start + term). */
    private static int recurringMonthsIn(Quarter quarter, FiscalCalendar calendar, Item item) {
        Estimate estimate = item.estimate();
        if (estimate.recurringMonthly() == null || estimate.recurringMonthly().signum() == 0) {
            return 0;
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
        return months;
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
