package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.CadencePolicy;
import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.CtaStatus;
import io.mspcs.cadence.domain.OwnerResolver;
import io.mspcs.cadence.domain.Owners;
import io.mspcs.cadence.domain.PlaybookPlanner;
import io.mspcs.cadence.domain.PlaybookTemplate;
import io.mspcs.cadence.domain.Role;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.domain.TaskDueNotice;
import io.mspcs.cadence.messaging.CtaEvents;
import io.mspcs.cadence.messaging.PlaybookEvents;
import io.mspcs.cadence.repository.ClientOwnerRepository;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.cadence.repository.PlaybookRepositories;
import io.mspcs.cadence.repository.PlaybookRunEntity;
import io.mspcs.cadence.repository.PlaybookTaskEntity;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.cadence.repository.TimerRepository;
import io.mspcs.contracts.Reason;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Playbook runs and tasks (cadence.md §6.2) on the seeded templates of §6.3 (version 1 of every tenant). */
@ApplicationScoped
public class PlaybookService {

    /** A run with its tasks; {@code cascaded} lists the task keys a due-date change moved. */
    public record RunWithTasks(PlaybookRunEntity run, List<PlaybookTaskEntity> tasks, List<String> cascaded) {
    }

    private static final Set<CtaKind> CLOSE_WITH_RUN = Set.of(CtaKind.LIFECYCLE, CtaKind.ACTIVITY, CtaKind.ENGAGEMENT);

    private final PlaybookRepositories.Runs runs;
    private final PlaybookRepositories.Tasks tasks;
    private final ClientViewRepository clients;
    private final ClientOwnerRepository owners;
    private final CtaRepository ctas;
    private final PolicyService policies;
    private final OutboxWriter outbox;
    private final TimerRepository timers;
    private final PlaybookTemplateService templates;
    private final Clock clock;

    public PlaybookService(PlaybookRepositories.Runs runs, PlaybookRepositories.Tasks tasks,
                           ClientViewRepository clients, ClientOwnerRepository owners, CtaRepository ctas,
                           PolicyService policies, OutboxWriter outbox, TimerRepository timers, PlaybookTemplateService templates,
                           Clock clock) {
        this.runs = runs;
        this.tasks = tasks;
        this.clients = clients;
        this.owners = owners;
        this.ctas = ctas;
        this.policies = policies;
        this.outbox = outbox;
        this.timers = timers;
        this.templates = templates;
        this.clock = clock;
    }

    /** The template's id for a tenant and version: stable, so runs and events name the same template. */
    public static UUID templateId(UUID tenantId, String key, int version) {
        return UUID.nameUUIDFromBytes((tenantId + "/" + key + "/" + version).getBytes(StandardCharsets.UTF_8));
    }

    /** By a rule (with its CTA; start = the CTA's SLA start) or by hand; inside the caller's transaction. */
    public Uni<PlaybookRunEntity> start(EventContext context, UUID clientId, String templateKey, CtaEntity cta) {
        UUID tenantId = context.tenantId();
        Instant now = now();
        return templates.forNewRun(tenantId, templateKey).chain(template -> template == null
                ? Uni.createFrom().<PlaybookRunEntity>nullItem()
                : policies.ensure(tenantId).chain(versioned -> clients.findOrStub(tenantId, clientId, now)
                .chain(client -> owners.ownersOf(tenantId, clientId).chain(map -> {
                    CadencePolicy policy = versioned.policy();
                    Segment segment = Segment.parse(client.segment)
                            .or(() -> Segment.parse(policy.provisionalSegment())).orElse(Segment.C);
                    Instant start = cta == null ? SlaCalculator.slaStartAt(now) : cta.slaStartAt;
                    Instant firstAction = cta == null ? null : cta.firstActionDueAt;
                    List<PlaybookPlanner.Planned> planned = new PlaybookPlanner(new SlaCalculator(policy.calendar()))
                            .plan(template.tasksFor(segment), start, firstAction);
                    PlaybookRunEntity run = new PlaybookRunEntity();
                    run.id = UUID.randomUUID();
                    run.tenantId = tenantId;
                    run.clientId = clientId;
                    run.templateKey = template.key();
                    run.templateVersion = template.version();
                    run.templateId = templateId(tenantId, template.key(), template.version());
                    run.name = template.name();
                    run.segment = segment.name();
                    run.ctaId = cta == null ? null : cta.id;
                    Role runOwner = cta != null ? cta.ownerRole
                            : planned.isEmpty() ? Role.CSM : planned.get(0).task.ownerFor(segment);
                    run.ownerRole = runOwner.name();
                    run.ownerMemberId = cta != null ? cta.ownerMemberId
                            : OwnerResolver.resolve(runOwner, map, policy.csLeaderMemberId()).memberId();
                    run.status = "ACTIVE";
                    run.startedAt = start;
                    run.firstActionDueAt = firstAction;
                    run.createdAt = now;
                    run.updatedAt = now;
                    List<PlaybookTaskEntity> rows = new ArrayList<>();
                    int seq = 0;
                    for (PlaybookPlanner.Planned p : planned) {
                        rows.add(task(run, ++seq, p, segment, map, policy.csLeaderMemberId(), now));
                    }
                    if (cta != null) {
                        cta.playbookRunId = run.id;
                    }
                    return runs.persist(run).chain(() -> tasks.persist(rows))
                            .chain(() -> planDueNotices(run.clientId, rows, false, now))
                            .chain(() -> outbox.append(PlaybookEvents.started(run, rows, template.expectedOutput()),
                                    context))
                            .replaceWith(run);
                }))));
    }

    @WithTransaction
    public Uni<PlaybookRunEntity> startByHand(EventContext context, UUID clientId, String templateKey, UUID ctaId) {
        Uni<CtaEntity> cta = ctaId == null ? Uni.createFrom().nullItem()
                : ctas.findInTenant(context.tenantId(), ctaId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("CTA " + ctaId));
        return clients.findClient(context.tenantId(), clientId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Client " + clientId))
                .chain(() -> cta).chain(found -> start(context, clientId, templateKey, found))
                .onItem().ifNull().failWith(() -> PlaybookTemplateService.retired(templateKey));
    }

    @WithTransaction
    public Uni<RunWithTasks> get(UUID tenantId, UUID runId) {
        return run(tenantId, runId).chain(run -> tasks.ofRun(tenantId, run.id)
                .map(list -> new RunWithTasks(run, list, List.of())));
    }

    @WithTransaction
    public Uni<List<PlaybookRunEntity>> ofClient(UUID tenantId, UUID clientId) {
        return runs.ofClient(tenantId, clientId);
    }

    /** Completing a task cascades to its dependents; the last required one completes the run (§6.2). */
    @WithTransaction
    public Uni<RunWithTasks> complete(EventContext context, UUID runId, UUID taskId, String note) {
        return activeRunWithTask(context.tenantId(), runId, taskId, (run, list, task, template) -> {
            if (!"OPEN".equals(task.status)) {
                throw transition("task " + task.taskKey + " is " + task.status);
            }
            Instant now = now();
            task.status = "DONE";
            task.completedAt = now;
            task.note = note;
            task.updatedAt = now;
            return afterTaskChange(context, run, list, template, now);
        });
    }

    @WithTransaction
    public Uni<RunWithTasks> skip(EventContext context, UUID runId, UUID taskId, String reason) {
        return activeRunWithTask(context.tenantId(), runId, taskId, (run, list, task, template) -> {
            if (!"OPEN".equals(task.status)) {
                throw transition("task " + task.taskKey + " is " + task.status);
            }
            if (task.required && (reason == null || reason.isBlank())) {
                throw ProblemException.invalid("reason", "required", "skipping a required task needs a reason");
            }
            Instant now = now();
            task.status = "SKIPPED";
            task.completedAt = now;
            task.note = reason;
            task.updatedAt = now;
            return afterTaskChange(context, run, list, template, now);
        });
    }

    /** A hand-set due date locks the task and moves its open dependents (§6.2 cascade). */
    @WithTransaction
    public Uni<RunWithTasks> moveTask(EventContext context, UUID runId, UUID taskId, Instant dueAt, UUID owner) {
        return activeRunWithTask(context.tenantId(), runId, taskId, (run, list, task, template) -> {
            Instant now = now();
            if (owner != null) {
                task.ownerMemberId = owner;
            }
            List<String> cascaded = List.of();
            List<PlaybookTaskEntity> moved = new ArrayList<>();
            if (dueAt != null && !dueAt.equals(task.dueAt)) {
                task.dueAt = dueAt;
                task.dueLocked = true;
                cascaded = cascade(run, list, template);
                moved.add(task);
                moved.addAll(byKeys(list, cascaded));
            }
            task.updatedAt = now;
            return planDueNotices(run.clientId, moved, true, now).replaceWith(new RunWithTasks(run, list, cascaded));
        });
    }

    @WithTransaction
    public Uni<RunWithTasks> cancel(EventContext context, UUID runId, String reason) {
        return run(context.tenantId(), runId).chain(run -> tasks.ofRun(run.tenantId, run.id).chain(list -> {
            if (!"ACTIVE".equals(run.status)) {
                throw transition("the run is " + run.status);
            }
            return end(context, run, list, "CANCELLED", new Reason("CANCELLED", reason, null, null, null, null))
                    .replaceWith(new RunWithTasks(run, list, List.of()));
        }));
    }

    /** A churned client's active runs end CANCELLED (cadence.md §7.2); runs of its CTAs already ended with them. */
    public Uni<Void> cancelActiveOfChurned(EventContext context, UUID clientId) {
        return runs.ofClient(context.tenantId(), clientId).chain(all -> CadenceService.chain(all.stream()
                .filter(run -> "ACTIVE".equals(run.status))
                .map(run -> tasks.ofRun(run.tenantId, run.id).chain(list -> end(context, run, list, "CANCELLED",
                        new Reason("CLIENT_CHURNED", "The client churned", null, null, null, null))))
                .toList()));
    }

    /** When its CTA closes by the system the run ends: COMPLETED if every required task is done, else CANCELLED. */
    public Uni<Void> endForCta(EventContext context, CtaEntity cta) {
        return runs.activeOfCta(cta.tenantId, cta.id).chain(active -> CadenceService.chain(active.stream()
                .map(run -> tasks.ofRun(run.tenantId, run.id).chain(list -> {
                    boolean done = list.stream().noneMatch(t -> t.required && "OPEN".equals(t.status));
                    return end(context, run, list, done ? "COMPLETED" : "CANCELLED",
                            new Reason("CTA_CLOSED", "The CTA closed", null, null, null, null));
                })).toList()));
    }

    private interface TaskAction {
        Uni<RunWithTasks> apply(PlaybookRunEntity run, List<PlaybookTaskEntity> tasks, PlaybookTaskEntity task,
                                PlaybookTemplate template);
    }

    private Uni<RunWithTasks> activeRunWithTask(UUID tenantId, UUID runId, UUID taskId, TaskAction action) {
        return run(tenantId, runId).chain(run -> tasks.ofRun(tenantId, run.id).chain(list -> {
            if (!"ACTIVE".equals(run.status)) {
                throw transition("the run is " + run.status);
            }
            PlaybookTaskEntity task = list.stream().filter(t -> t.id.equals(taskId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Task " + taskId));
            return templates.ofRun(tenantId, run.templateKey, run.templateVersion)
                    .chain(template -> action.apply(run, list, task, template));
        }));
    }

    private Uni<RunWithTasks> afterTaskChange(EventContext context, PlaybookRunEntity run,
                                              List<PlaybookTaskEntity> list, PlaybookTemplate template, Instant now) {
        List<String> cascaded = cascade(run, list, template);
        Uni<Void> notices = planDueNotices(run.clientId, byKeys(list, cascaded), true, now);
        Uni<Void> firstAction = run.ctaId == null ? Uni.createFrom().voidItem()
                : ctas.findInTenant(run.tenantId, run.ctaId).chain(cta -> {
                    if (cta == null || cta.status == CtaStatus.CLOSED || cta.firstActionAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    // A task of its run done is a first action of the CTA (§5.2).
                    cta.firstActionAt = now;
                    cta.lastMovementAt = now;
                    cta.updatedAt = now;
                    return outbox.append(CtaEvents.updated(cta, List.of(new CtaEvents.Change("firstActionAt", null, now)),
                            io.mspcs.cadence.domain.Notification.DIGEST), context).replaceWithVoid();
                });
        boolean allRequiredDone = list.stream().noneMatch(t -> t.required && "OPEN".equals(t.status));
        Uni<Void> ending = allRequiredDone
                ? end(context, run, list, "COMPLETED", new Reason("ALL_REQUIRED_DONE",
                "Every required task is done or skipped", null, null, null, null))
                .chain(() -> closeCtaWithRun(context, run, now))
                : Uni.createFrom().voidItem();
        return notices.chain(() -> firstAction).chain(() -> ending).replaceWith(new RunWithTasks(run, list, cascaded));
    }

    /** LIFECYCLE, ACTIVITY and ENGAGEMENT CTAs close DONE with their run (§6.2). */
    private Uni<Void> closeCtaWithRun(EventContext context, PlaybookRunEntity run, Instant now) {
        if (run.ctaId == null) {
            return Uni.createFrom().voidItem();
        }
        return ctas.findInTenant(run.tenantId, run.ctaId).chain(cta -> {
            if (cta == null || cta.status == CtaStatus.CLOSED || !CLOSE_WITH_RUN.contains(cta.kind)) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("playbookRunId", run.id.toString());
            cta.close(io.mspcs.cadence.domain.CloseStatus.DONE, new io.mspcs.cadence.domain.CtaReason("RUN_COMPLETED",
                    "Its playbook run completed", cta.ruleId, cta.ruleVersion, inputs), now);
            cta.notification = io.mspcs.cadence.domain.Notification.NONE;
            return outbox.append(CtaEvents.closed(cta), context).replaceWithVoid();
        });
    }

    private Uni<Void> end(EventContext context, PlaybookRunEntity run, List<PlaybookTaskEntity> list, String outcome,
                          Reason reason) {
        Instant now = now();
        run.status = outcome;
        run.endedAt = now;
        run.updatedAt = now;
        list.stream().filter(t -> "OPEN".equals(t.status)).forEach(t -> {
            t.status = "SKIPPED";
            t.updatedAt = now;
        });
        return outbox.append(PlaybookEvents.completed(run, list, reason), context).replaceWithVoid();
    }

    /** Recomputes open tasks from the run's own template version (later versions never change a run). */
    private List<String> cascade(PlaybookRunEntity run, List<PlaybookTaskEntity> list, PlaybookTemplate template) {
        Map<String, PlaybookTemplate.Task> specs = new HashMap<>();
        template.tasks().forEach(t -> specs.put(t.taskKey(), t));
        List<PlaybookPlanner.Planned> planned = new ArrayList<>();
        Map<String, PlaybookTaskEntity> rows = new HashMap<>();
        for (PlaybookTaskEntity row : list) {
            rows.put(row.taskKey, row);
            planned.add(new PlaybookPlanner.Planned(specs.get(row.taskKey), row.dueAt, row.dueLocked,
                    "OPEN".equals(row.status) ? null : row.completedAt));
        }
        // The run's calendar is the tenant's current one; default until the policy is read here.
        List<String> moved = new PlaybookPlanner(new SlaCalculator(CadencePolicy.defaults().calendar()))
                .recompute(planned, run.startedAt, run.firstActionDueAt);
        planned.forEach(p -> rows.get(p.task.taskKey()).dueAt = p.dueAt);
        return moved;
    }

    /** DUE_SOON and OVERDUE timers of tasks whose due date was set ({@code moved}: their old notices are void). */
    private Uni<Void> planDueNotices(UUID clientId, List<PlaybookTaskEntity> changed, boolean moved, Instant now) {
        List<Uni<Void>> steps = new ArrayList<>();
        for (PlaybookTaskEntity task : changed) {
            if (moved) {
                steps.add(timers.voidAllOf(task.tenantId, task.id, now).replaceWithVoid());
            }
            for (TaskDueNotice.Planned notice : TaskDueNotice.plan(task.dueAt, now)) {
                steps.add(timers.plan(task.tenantId, clientId, TimerEntity.taskNotice(notice.state()), task.id,
                        notice.fireAt(), now).replaceWithVoid());
            }
        }
        return CadenceService.chain(steps);
    }

    private static List<PlaybookTaskEntity> byKeys(List<PlaybookTaskEntity> list, List<String> keys) {
        return list.stream().filter(t -> keys.contains(t.taskKey)).toList();
    }

    private PlaybookTaskEntity task(PlaybookRunEntity run, int seq, PlaybookPlanner.Planned p, Segment segment,
                                    Owners map, UUID csLeader, Instant now) {
        PlaybookTaskEntity task = new PlaybookTaskEntity();
        task.id = UUID.randomUUID();
        task.tenantId = run.tenantId;
        task.runId = run.id;
        task.seq = seq;
        task.taskKey = p.task.taskKey();
        task.title = p.task.title();
        Role role = p.task.ownerFor(segment);
        task.ownerRole = role.name();
        task.ownerMemberId = OwnerResolver.resolve(role, map, csLeader).memberId();
        task.dueAt = p.dueAt;
        task.required = p.task.required();
        task.status = "OPEN";
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    private Uni<PlaybookRunEntity> run(UUID tenantId, UUID runId) {
        return runs.findInTenant(tenantId, runId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Playbook run " + runId));
    }

    private static ProblemException transition(String detail) {
        return new ProblemException(409, "invalid-transition", "Invalid transition", detail, List.of());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
