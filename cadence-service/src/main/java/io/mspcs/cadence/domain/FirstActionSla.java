package io.mspcs.cadence.domain;

import java.time.Instant;

/** Whether a CTA met its first-action SLA when it closed ({@code CtaClosed.firstActionSlaMet}). */
public final class FirstActionSla {

    private FirstActionSla() {
    }

    /**
     * Met when the first action came by its due instant; a CTA closed before that instant without any action never
     * breached it (the condition cleared in time), so it counts as met too.
     */
    public static boolean met(Instant firstActionAt, Instant firstActionDueAt, Instant closedAt) {
        Instant decisive = firstActionAt != null ? firstActionAt : closedAt;
        return !decisive.isAfter(firstActionDueAt);
    }
}
