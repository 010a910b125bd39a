package io.mspcs.cadence.domain;

/** CTA escalation (cadence.md §5.5): each one raises the level by one and the priority one step, up to CRITICAL. */
public final class Escalation {

    public enum Trigger {
        FIRST_ACTION_SLA, DUE_DATE, NO_MOVEMENT, OPEN_TOO_LONG, MANUAL
    }

    private Escalation() {
    }

    public static Priority stepUp(Priority priority) {
        return priority == Priority.CRITICAL ? Priority.CRITICAL : Priority.values()[priority.ordinal() + 1];
    }
}
