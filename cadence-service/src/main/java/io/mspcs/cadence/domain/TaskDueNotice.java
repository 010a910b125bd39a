package io.mspcs.cadence.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Playbook task notices (cadence.md §6.2): DUE_SOON 24 h before a task's due date and OVERDUE at it, once each per
 * due date. A task planned with less than a day to go is announced as DUE_SOON at once; a moved due date re-plans
 * both (the old notices are voided).
 */
public final class TaskDueNotice {

    public static final Duration LEAD = Duration.ofHours(24);

    public enum State { DUE_SOON, OVERDUE }

    public record Planned(State state, Instant fireAt) {
    }

    private TaskDueNotice() {
    }

    /** The notices of a task due at {@code dueAt}, planned at {@code now}. */
    public static List<Planned> plan(Instant dueAt, Instant now) {
        List<Planned> planned = new ArrayList<>();
        if (dueAt == null) {
            return planned;
        }
        if (dueAt.isAfter(now)) {
            Instant soon = dueAt.minus(LEAD);
            planned.add(new Planned(State.DUE_SOON, soon.isAfter(now) ? soon : now));
        }
        planned.add(new Planned(State.OVERDUE, dueAt));
        return planned;
    }

    /** Whether a notice planned to fire at {@code fireAt} still holds for the task as it stands now. */
    public static boolean holds(State state, Instant fireAt, Instant dueAt, boolean open) {
        if (!open || dueAt == null) {
            return false;
        }
        return state == State.OVERDUE ? fireAt.equals(dueAt)
                : fireAt.isBefore(dueAt) && !fireAt.isBefore(dueAt.minus(LEAD));
    }
}
