package io.mspcs.cadence.messaging;

import io.mspcs.cadence.repository.PlaybookRunEntity;
import io.mspcs.cadence.repository.PlaybookTaskEntity;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Reason;
import io.mspcs.outbox.OutgoingEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Playbook events (events.md §4.3, cadence.md §7.1). */
public final class PlaybookEvents {

    private PlaybookEvents() {
    }

    record TaskItem(UUID taskId, String title, String ownerRole, Instant dueAt) {
    }

    record PlaybookStarted(UUID clientId, UUID playbookRunId, UUID templateId, String templateKey, int templateVersion,
                           String name, String segment, UUID ctaId, String ownerRole, UUID ownerMemberId,
                           List<TaskItem> tasks, String expectedOutput) {
    }

    record PlaybookCompleted(UUID clientId, UUID playbookRunId, UUID templateId, int templateVersion, String outcome,
                             Reason reason, int tasksDone, int tasksTotal, int durationDays, UUID ctaId) {
    }

    public record PlaybookTaskDue(UUID clientId, UUID playbookRunId, UUID taskId, String title, String ownerRole,
                                  UUID ownerMemberId, Instant dueAt, String state) {
    }

    /** {@code state} DUE_SOON or OVERDUE; the aggregate is the run, like the run's other events. */
    public static OutgoingEvent taskDue(PlaybookTaskDue due) {
        return new OutgoingEvent(EventTypes.PLAYBOOK_TASK_DUE, due.clientId().toString(), "PlaybookRun",
                due.playbookRunId().toString(), due);
    }

    public static OutgoingEvent started(PlaybookRunEntity run, List<PlaybookTaskEntity> tasks, String expectedOutput) {
        return event(EventTypes.PLAYBOOK_STARTED, run, new PlaybookStarted(run.clientId, run.id, run.templateId,
                run.templateKey, run.templateVersion, run.name, run.segment, run.ctaId, run.ownerRole,
                run.ownerMemberId, tasks.stream().map(t -> new TaskItem(t.id, t.title, t.ownerRole, t.dueAt)).toList(),
                expectedOutput));
    }

    public static OutgoingEvent completed(PlaybookRunEntity run, List<PlaybookTaskEntity> tasks, Reason reason) {
        int done = (int) tasks.stream().filter(t -> "DONE".equals(t.status)).count();
        int days = (int) java.time.Duration.between(run.startedAt, run.endedAt).toDays();
        return event(EventTypes.PLAYBOOK_COMPLETED, run, new PlaybookCompleted(run.clientId, run.id, run.templateId,
                run.templateVersion, run.status, reason, done, tasks.size(), Math.max(days, 0), run.ctaId));
    }

    private static OutgoingEvent event(String type, PlaybookRunEntity run, Object data) {
        return new OutgoingEvent(type, run.clientId.toString(), "PlaybookRun", run.id.toString(), data);
    }
}
