package io.mspcs.roadmap.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A client's pre-approval of an initiative (roadmap.md §3.6): owner + target quarter + budget band make it COUNTED;
 * a sent proposal CONVERTS it; stale (30 days) and lapsed (60 days) are flags, never moves.
 */
public record PreApproval(String clientOwner, String targetQuarter, BigDecimal bandLow, BigDecimal bandHigh,
                          Instant capturedAt, Status status) {

    public enum Status { INCOMPLETE, COUNTED, CONVERTED, STALE, LAPSED }

    public static PreApproval captured(String clientOwner, String targetQuarter, BigDecimal bandLow,
                                       BigDecimal bandHigh, Instant at) {
        boolean complete = clientOwner != null && !clientOwner.isBlank() && targetQuarter != null && bandLow != null
                && bandHigh != null;
        return new PreApproval(clientOwner, targetQuarter, bandLow, bandHigh, at,
                complete ? Status.COUNTED : Status.INCOMPLETE);
    }

    /** P1 (roadmap.md §5.4): what lets a non-remediation initiative into a proposal. */
    public boolean counts() {
        return status == Status.COUNTED || status == Status.STALE || status == Status.CONVERTED;
    }

    /**
     * The flag after {@code now} (roadmap.md §3.6, §12.6): a COUNTED or STALE pre-approval not converted goes STALE
     * after {@code staleDays} and LAPSED after {@code lapsedDays} from its capture; other states keep theirs.
     */
    public PreApproval aged(Instant now, int staleDays, int lapsedDays) {
        if ((status != Status.COUNTED && status != Status.STALE) || capturedAt == null) {
            return this;
        }
        long days = java.time.Duration.between(capturedAt, now).toDays();
        Status next = days >= lapsedDays ? Status.LAPSED : days >= staleDays ? Status.STALE : status;
        return next == status ? this
                : new PreApproval(clientOwner, targetQuarter, bandLow, bandHigh, capturedAt, next);
    }

    public PreApproval converted() {
        return new PreApproval(clientOwner, targetQuarter, bandLow, bandHigh, capturedAt, Status.CONVERTED);
    }
}
