package io.mspcs.cadence.domain;

import java.time.Instant;

/** Why a slot was missed, read from the slot's latest meeting (cadence.md §3.1). */
public enum MissReason {
    NOT_SCHEDULED, CANCELLED_BY_CLIENT, CANCELLED_BY_MSP, NO_SHOW, NOT_RECORDED, NO_RECAP;

    /** What the sweep does with a slot at its miss time: miss it, or wait for a recap still in time. */
    public record Verdict(MissReason reason, Instant waitUntil) {
        public boolean waits() {
            return waitUntil != null;
        }
    }

    /**
     * @param status        the latest meeting's status (SCHEDULED, HELD, CANCELLED) or null when there is none
     * @param confirmed     whether that meeting was confirmed (placeholders are not)
     * @param cancelReason  its cancel reason when CANCELLED
     * @param recapDueAt    when HELD: the recap deadline
     * @param recapRecorded when HELD: whether a recap exists
     * @param at            the miss instant being evaluated (the timer's fire_at)
     */
    public static Verdict judge(String status, boolean confirmed, String cancelReason, Instant recapDueAt,
                                boolean recapRecorded, Instant at) {
        if (status == null) {
            return new Verdict(NOT_SCHEDULED, null);
        }
        return switch (status) {
            case "CANCELLED" -> new Verdict(cancelReason == null ? CANCELLED_BY_MSP : valueOf(cancelReason), null);
            case "HELD" -> !recapRecorded && recapDueAt != null && recapDueAt.isAfter(at)
                    ? new Verdict(null, recapDueAt) : new Verdict(NO_RECAP, null);
            default -> new Verdict(confirmed ? NOT_RECORDED : NOT_SCHEDULED, null);
        };
    }
}
