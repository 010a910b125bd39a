package io.mspcs.roadmap.rest;

import io.mspcs.contracts.Money;
import io.mspcs.roadmap.domain.BudgetCalculator;
import io.mspcs.roadmap.repository.BudgetLineEntity;
import io.mspcs.roadmap.repository.EnvelopeColumn;
import io.mspcs.roadmap.service.BudgetService;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** One fiscal year's budget (roadmap.md §3.4): quarters with committed / planned / forecast and the envelope. */
public record BudgetResponse(Object budgetId, int fiscalYear, String currency, int version, EnvelopeColumn envelope,
                             List<QuarterView> quarters, Totals totals, List<LineView> lines) {

    /** A line of the fiscal year: derived from an initiative (read-only) or manual; amount = its quarter's total. */
    public record LineView(UUID id, String quarter, String source, String sourceRef, UUID initiativeId,
                           String category, String recurrence, int months, Money amount, String status,
                           String description, Integer version) {
    }

    public record Split(Money capex, Money opex) {
    }

    public record QuarterView(String quarter, List<String> months, Split committed, Split planned, Split forecast,
                              Split envelope, List<String> overEnvelope) {
    }

    public record Totals(Money oneTime, Money recurring, Money capex, Money opex, Money committed, Money forecast) {
    }

    static BudgetResponse of(BudgetService.BudgetView view) {
        String currency = view.currency();
        Map<String, EnvelopeColumn.QuarterEnvelope> envelopes = view.saved() == null || view.saved().envelope == null
                ? Map.of() : view.saved().envelope.quarters().stream()
                .collect(Collectors.toMap(EnvelopeColumn.QuarterEnvelope::quarter, e -> e, (a, b) -> b));
        List<QuarterView> quarters = new ArrayList<>();
        for (BudgetCalculator.QuarterFigures q : view.figures().quarters()) {
            List<String> months = new ArrayList<>();
            for (YearMonth m = view.calendar().firstMonthOf(q.quarter()); !m.isAfter(view.calendar().lastMonthOf(
                    q.quarter())); m = m.plusMonths(1)) {
                months.add(m.toString());
            }
            EnvelopeColumn.QuarterEnvelope envelope = envelopes.get(q.quarter().toString());
            List<String> over = new ArrayList<>();
            if (envelope != null && envelope.capex() != null && q.committed().capex().compareTo(envelope.capex()) > 0) {
                over.add("CAPEX");
            }
            if (envelope != null && envelope.opex() != null && q.committed().opex().compareTo(envelope.opex()) > 0) {
                over.add("OPEX");
            }
            quarters.add(new QuarterView(q.quarter().toString(), months, split(q.committed(), currency),
                    split(q.planned(), currency), split(q.forecast(), currency),
                    envelope == null ? null : new Split(money(envelope.capex(), currency),
                            money(envelope.opex(), currency)), over));
        }
        BudgetCalculator.Totals t = view.figures().totals();
        return new BudgetResponse(view.saved() == null ? null : view.saved().id, view.fiscalYear(), currency,
                view.saved() == null ? 0 : view.saved().budgetVersion,
                view.saved() == null ? null : view.saved().envelope, quarters,
                new Totals(money(t.oneTime(), currency), money(t.recurring(), currency), money(t.capex(), currency),
                        money(t.opex(), currency), money(t.committed(), currency), money(t.forecast(), currency)),
                lines(view));
    }

    private static List<LineView> lines(BudgetService.BudgetView view) {
        List<LineView> lines = new ArrayList<>();
        for (BudgetCalculator.DerivedLine line : view.derivedLines()) {
            lines.add(new LineView(line.id(), line.quarter().toString(), "INITIATIVE", null, line.initiativeId(),
                    line.category().name(), line.recurring() ? "RECURRING" : "ONE_TIME", line.recurring()
                    ? line.months() : 1, money(line.amount(), view.currency()), line.status().name(),
                    view.titles().get(line.initiativeId()), null));
        }
        for (BudgetLineEntity line : view.manualLines()) {
            lines.add(new LineView(line.id, line.quarter, line.source, line.sourceRef, null, line.category,
                    line.recurrence, line.months, money(line.amount, line.currency), line.status, line.description,
                    line.version));
        }
        lines.sort(java.util.Comparator.comparing(LineView::quarter));
        return lines;
    }

    private static Split split(BudgetCalculator.Split split, String currency) {
        return new Split(money(split.capex(), currency), money(split.opex(), currency));
    }

    private static Money money(BigDecimal amount, String currency) {
        return InitiativeResponse.money(amount, currency);
    }
}
