package io.mspcs.roadmap.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Pipeline outcome rates (roadmap.md §9): win rate = accepted ÷ (accepted + declined + auto-closed); reason
 * captured = those with a reason ÷ (declined + auto-closed); one decimal, null when there is nothing to divide.
 */
public record PipelineOutcomes(int accepted, int declined, int autoClosed, int withReason) {

    public BigDecimal winRatePct() {
        return pct(accepted, accepted + declined + autoClosed);
    }

    public BigDecimal declineReasonCapturedPct() {
        return pct(withReason, declined + autoClosed);
    }

    private static BigDecimal pct(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
