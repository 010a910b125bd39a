package io.mspcs.cadence.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Due dates of a run's tasks (cadence.md §6.2): without dependencies the offset counts from the run start; with
 * dependencies from the latest predecessor end (its completion when DONE/SKIPPED, else its due date); first-action
 * tasks take the CTA's first-action due date. A hand-set due date ({@code locked}) stays and stops the cascade.
 */
public final class PlaybookPlanner {

    /** A task's state as the planner needs it. */
    public static final class Planned {
        public final PlaybookTemplate.Task task;
        public Instant dueAt;
        public boolean locked;
        public Instant completedAt;

        public Planned(PlaybookTemplate.Task task, Instant dueAt, boolean locked, Instant completedAt) {
            this.task = task;
            this.dueAt = dueAt;
            this.locked = locked;
            this.completedAt = completedAt;
        }

        Instant end() {
            return completedAt != null ? completedAt : dueAt;
        }
    }

    private final SlaCalculator sla;

    public PlaybookPlanner(SlaCalculator sla) {
        this.sla = sla;
    }

    /** Plans every task of a new run. */
    public List<Planned> plan(List<PlaybookTemplate.Task> tasks, Instant start, Instant firstActionDueAt) {
        List<Planned> planned = new ArrayList<>();
        for (PlaybookTemplate.Task task : tasks) {
            planned.add(new Planned(task, null, false, null));
        }
        recompute(planned, start, firstActionDueAt);
        return planned;
    }

    /**
     * Recomputes every unlocked, open task in dependency order; returns the keys whose due date changed. Tasks are
     * listed predecessors first in every template, so one pass in order is enough.
     */
    public List<String> recompute(List<Planned> tasks, Instant start, Instant firstActionDueAt) {
        Map<String, Planned> byKey = new HashMap<>();
        tasks.forEach(t -> byKey.put(t.task.taskKey(), t));
        List<String> changed = new ArrayList<>();
        for (Planned t : tasks) {
            if (t.locked || t.completedAt != null) {
                continue;
            }
            Instant due = dueOf(t.task, byKey, start, firstActionDueAt);
            if (!due.equals(t.dueAt)) {
                if (t.dueAt != null) {
                    changed.add(t.task.taskKey());
                }
                t.dueAt = due;
            }
        }
        return changed;
    }

    private Instant dueOf(PlaybookTemplate.Task task, Map<String, Planned> byKey, Instant start, Instant firstAction) {
        if (task.firstAction() && task.offset() == null && firstAction != null) {
            return firstAction;
        }
        Instant from = start;
        for (String dependency : task.dependsOn()) {
            Planned predecessor = byKey.get(dependency);
            if (predecessor != null && predecessor.end() != null && predecessor.end().isAfter(from)) {
                from = predecessor.end();
            }
        }
        if (task.offset() == null) {
            return firstAction != null ? firstAction : sla.dueAt(from, SlaOffset.parse("72h"));
        }
        return sla.dueAt(SlaCalculator.slaStartAt(from), task.offset());
    }
}
