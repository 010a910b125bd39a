package io.mspcs.roadmap.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The budget gate (roadmap.md §5.6): an approval that lifts a quarter's committed CAPEX or OPEX above the client's
 * envelope. Quarters or categories without an envelope are not checked.
 */
public final class EnvelopeCheck {

    private EnvelopeCheck() {
    }

    /** The client-approved amounts of one quarter; null = no envelope for that category. */
    public record Envelope(BigDecimal capex, BigDecimal opex) {
    }

    public record Exceeded(Quarter quarter, SpendType category, BigDecimal envelope, BigDecimal committedAfter,
                           BigDecimal overBy) {
    }

    public static List<Exceeded> exceeded(BudgetCalculator.FiscalYearFigures before,
                                          BudgetCalculator.FiscalYearFigures after, Map<Quarter, Envelope> envelopes) {
        List<Exceeded> result = new ArrayList<>();
        for (int i = 0; i < after.quarters().size(); i++) {
            BudgetCalculator.QuarterFigures was = before.quarters().get(i);
            BudgetCalculator.QuarterFigures now = after.quarters().get(i);
            Envelope envelope = envelopes.get(now.quarter());
            if (envelope == null) {
                continue;
            }
            check(result, now.quarter(), SpendType.CAPEX, envelope.capex(), was.committed().capex(),
                    now.committed().capex());
            check(result, now.quarter(), SpendType.OPEX, envelope.opex(), was.committed().opex(),
                    now.committed().opex());
        }
        return List.copyOf(result);
    }

    private static void check(List<Exceeded> result, Quarter quarter, SpendType category, BigDecimal envelope,
                              BigDecimal before, BigDecimal after) {
        if (envelope != null && after.compareTo(before) > 0 && after.compareTo(envelope) > 0) {
            result.add(new Exceeded(quarter, category, envelope, after, after.subtract(envelope)));
        }
    }
}
