package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.AlertBudget;
import io.mspcs.cadence.domain.CadenceMissRules;
import io.mspcs.cadence.domain.CtaNotice;
import io.mspcs.cadence.domain.Digest;
import io.mspcs.cadence.domain.CadencePolicy;
import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.CtaDraft;
import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.CtaReason;
import io.mspcs.cadence.domain.CtaStatus;
import io.mspcs.cadence.domain.Escalation;
import io.mspcs.cadence.domain.Frequency;
import io.mspcs.cadence.domain.MissLadder;
import io.mspcs.cadence.domain.MissReason;
import io.mspcs.cadence.domain.Notification;
import io.mspcs.cadence.domain.Owners;
import io.mspcs.cadence.domain.Priority;
import io.mspcs.cadence.domain.Role;
import io.mspcs.cadence.domain.SlotPlan;
import io.mspcs.cadence.domain.OwnerResolver;
import io.mspcs.cadence.domain.PlaybookCatalogue;
import io.mspcs.cadence.domain.PlaybookPlanner;
import io.mspcs.cadence.domain.PlaybookTemplate;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.domain.TaskDueNotice;
import io.mspcs.cadence.domain.TemplateDocument;
import io.mspcs.cadence.messaging.PlaybookEvents;
import io.mspcs.cadence.repository.PlaybookRunEntity;
import io.mspcs.cadence.repository.PlaybookTaskEntity;
import io.mspcs.cadence.messaging.CtaEvents;
import io.mspcs.cadence.messaging.MeetingEvents;
import io.mspcs.cadence.repository.CadenceSlotEntity;
import io.mspcs.cadence.repository.CtaCauseEntity;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.SweepSql;
import io.mspcs.cadence.repository.TimeOrderedIds;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.cadence.repository.UnnestWrite;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.OutgoingEvent;
import io.mspcs.rest.TenantPool;
import io.mspcs.rest.TenantScope;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The sweep (cadence.md §3.2): fires PENDING timers due at {@code clock.instant()}, oldest first, in batches of
 * 500 locked with {@code FOR UPDATE SKIP LOCKED} (several pods are safe). Each batch is one transaction that reads its
 * data set-based and writes with batched statements; guards re-check state, so a second run at the same instant
 * emits nothing. Effects use the timer's {@code fire_at}; only the envelope time is the processing instant. A timer
 * whose effect plans an already-due timer ends its batch, so a catch-up run stays in {@code fire_at} order.
 */
@ApplicationScoped
public class CadenceSweep {

    public static final int BATCH = 500;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CadenceSweep.class);

    /** What a run did: timers fired and events emitted by type (the {@code /admin/sweep} answer). */
    public record Result(int timersFired, Map<String, Integer> events) {
    }

    private static final String[] RULE_TIMER_KINDS = RuleTimerSweep.KINDS.toArray(String[]::new);

    @jakarta.inject.Inject
    RuleTimerSweep ruleTimers;
    private final Pool pool;
    private final Clock clock;
    private final String source;

    public CadenceSweep(Pool pool, Clock clock, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.pool = pool;
        this.clock = clock;
        this.source = "/cs/" + application;
    }

    @Scheduled(every = "{cadence.sweep.every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    public Uni<Result> run() {
        return run(null);
    }

    /** {@code tenantId} narrows the run to one tenant (operators and tests); null runs all. */
    public Uni<Result> run(UUID tenantId) {
        Instant now = clock.instant();
        Tally tally = new Tally();
        return phases(now, tenantId, tally, true)
                .replaceWith(() -> new Result(tally.fired, new TreeMap<>(tally.events)));
    }

    /**
     * The trigger rules' and digest timers (their own class and transactions; the batches skip those kinds), then
     * the batches, then the rule timers again: the batches plan digests that may already be due, so a catch-up run
     * ends only when a rule phase finds nothing (and a second run at the same instant fires nothing).
     */
    private Uni<Void> phases(Instant now, UUID tenantId, Tally tally, boolean first) {
        return ruleTimers.fireDue(now, tenantId).chain(fired -> {
            tally.fired += fired.timers();
            fired.events().forEach((type, n) -> tally.events.merge(type, n, Integer::sum));
            return !first && fired.timers() == 0 ? Uni.createFrom().voidItem()
                    : loop(now, tenantId, tally).chain(() -> phases(now, tenantId, tally, false));
        });
    }

    private Uni<Void> loop(Instant now, UUID tenantId, Tally tally) {
        return TenantPool.inTransaction(pool, batchScope(tenantId), conn -> new Batch(conn, now, tally).run(tenantId))
                .chain(more -> more ? loop(now, tenantId, tally) : Uni.createFrom().voidItem());
    }

    /**
     * A narrowed run stays inside its tenant. A full run's batch is one set of multi-row statements over the due
     * timers of every tenant (§3.2's 5 s target): splitting it per tenant would multiply the round trips, so the
     * batch transaction is cross-tenant (one set_config per transaction); every statement still names tenant_id.
     */
    static TenantScope batchScope(UUID tenantId) {
        return tenantId == null ? TenantScope.allTenants("cadence sweep batch") : TenantScope.tenant(tenantId);
    }

    private static final class Tally {
        int fired;
        final Map<String, Integer> events = new HashMap<>();
    }

    private record Timer(UUID id, UUID tenantId, UUID clientId, String kind, UUID subjectId, Instant fireAt) {
        static Timer of(Row row) {
            return new Timer(row.getUUID("id"), row.getUUID("tenant_id"), row.getUUID("client_id"),
                    row.getString("kind"), row.getUUID("subject_id"), SweepSql.instant(row, "fire_at"));
        }
    }

    /** A slot with its line and client as the batch read them; the client part is shared by its slots. */
    private static final class SlotState {
        UUID id;
        UUID tenantId;
        UUID clientId;
        UUID lineId;
        String meetingType;
        boolean strategic;
        SlotPlan plan;
        String state;
        Frequency frequency;
        Role ownerRole;
        boolean lineActive;
        ClientState client;
        final List<Meeting> meetings = new ArrayList<>();
    }

    private static final class ClientState {
        UUID rowId;
        String segment;
        String status;
        int streak;
        Instant lastStrategicHeldAt;
        boolean dirty;
    }

    private record Meeting(UUID id, String status, boolean confirmed, String cancelReason, Instant scheduledFor,
                           Instant heldAt, Instant recapDueAt, Instant recapRecordedAt) {
        Instant when() {
            return heldAt != null ? heldAt : scheduledFor;
        }
    }

    private record Policy(int version, CadencePolicy policy) {
    }

    private record TaskState(UUID id, UUID runId, UUID clientId, String title, String ownerRole, UUID ownerMemberId,
                             Instant dueAt, String status, String runStatus) {
        static TaskState of(Row row) {
            return new TaskState(row.getUUID("id"), row.getUUID("run_id"), row.getUUID("client_id"),
                    row.getString("title"), row.getString("owner_role"), row.getUUID("owner_member_id"),
                    SweepSql.instant(row, "due_at"), row.getString("status"), row.getString("run_status"));
        }
    }

    /** One transaction: reads, decides in memory, then writes everything with one batched statement per kind. */
    private final class Batch {
        private final SqlConnection conn;
        private final Instant now;
        private final Instant eventTime;
        private final Tally tally;
        private final Map<UUID, Policy> policies = new HashMap<>();
        private final Map<UUID, SlotState> slots = new HashMap<>();
        private final Map<UUID, CtaEntity> ctas = new HashMap<>();
        private final Map<UUID, TaskState> tasks = new HashMap<>();
        /** tenant/key → latest published tenant version, or null when retired; absent keys use the seeded one. */
        private final Map<String, PlaybookTemplate> tenantTemplates = new HashMap<>();
        private final Map<String, List<CtaEntity>> byClient = new HashMap<>();
        private final Map<String, Owners> owners = new HashMap<>();
        private final List<Timer> done = new ArrayList<>();
        // CTAs are written as they stand at the end of the batch (a new one may change again before then).
        private final Set<CtaEntity> newCtas = new LinkedHashSet<>();
        private final Set<CtaEntity> changedCtas = new LinkedHashSet<>();
        private final UnnestWrite causes = SweepSql.insertCauses();
        private final UnnestWrite runInserts = SweepSql.insertRuns();
        private final UnnestWrite taskInserts = SweepSql.insertTasks();
        private final UnnestWrite slotUpdates = SweepSql.updateSlots();
        private final UnnestWrite slotInserts = SweepSql.insertSlots();
        private final UnnestWrite timerInserts = SweepSql.insertTimers();
        private final List<CtaEntity> voided = new ArrayList<>();
        private final UnnestWrite outbox = SweepSql.insertOutbox();
        private final UnnestWrite notices = SweepSql.insertNotices();
        /** tenant/member/local day → IMMEDIATE notices so far (read once per batch, counted on in memory). */
        private final Map<String, Integer> immediate = new HashMap<>();
        /** tenant → the earliest digest a DIGEST notice of this batch needs. */
        private final Map<UUID, Instant> digests = new LinkedHashMap<>();
        private final List<ClientState> clients = new ArrayList<>();
        private final Map<String, Integer> events = new HashMap<>();
        private final Map<String, Long> stepMs = new LinkedHashMap<>();
        private boolean moreDue;

        Batch(SqlConnection conn, Instant now, Tally tally) {
            this.conn = conn;
            this.now = now;
            this.eventTime = now.truncatedTo(ChronoUnit.MILLIS);
            this.tally = tally;
        }

        Uni<Boolean> run(UUID tenantId) {
            return conn.query(SweepSql.DUE_SCAN_IN_ORDER).execute()
                    .chain(() -> conn.preparedQuery(SweepSql.DUE_TIMERS).execute(Tuple.of(SweepSql.at(now), tenantId,
                            BATCH, RULE_TIMER_KINDS)))
                    .call(() -> conn.query(SweepSql.DUE_SCAN_DONE).execute())
                    .chain(rows -> {
                        List<Timer> timers = new ArrayList<>();
                        rows.forEach(row -> timers.add(Timer.of(row)));
                        if (timers.isEmpty()) {
                            return Uni.createFrom().item(false);
                        }
                        long t0 = System.nanoTime();
                        long[] marks = new long[2];
                        return load(timers).invoke(() -> marks[0] = System.nanoTime())
                                .chain(() -> fire(timers)).invoke(() -> marks[1] = System.nanoTime())
                                .chain(this::write).map(ignored -> {
                            LOG.debugf("sweep batch: %d timers, load %d ms, decide %d ms, write %d ms %s", timers.size(),
                                    (marks[0] - t0) / 1_000_000, (marks[1] - marks[0]) / 1_000_000,
                                    (System.nanoTime() - marks[1]) / 1_000_000, stepMs);
                            tally.fired += done.size();
                            events.forEach((type, n) -> tally.events.merge(type, n, Integer::sum));
                            // A full batch or a newly due timer means the queue must be read again.
                            return moreDue || timers.size() == BATCH;
                        });
                    });
        }

        private Uni<Void> load(List<Timer> timers) {
            UUID[] tenants = timers.stream().map(Timer::tenantId).distinct().toArray(UUID[]::new);
            UUID[] clientIds = timers.stream().map(Timer::clientId).distinct().toArray(UUID[]::new);
            UUID[] slotIds = timers.stream().filter(t -> t.kind().equals(TimerEntity.SLOT_MISS))
                    .map(Timer::subjectId).toArray(UUID[]::new);
            UUID[] taskIds = timers.stream().filter(t -> t.kind().startsWith("TASK_"))
                    .map(Timer::subjectId).toArray(UUID[]::new);
            UUID[] ctaIds = timers.stream().filter(t -> t.kind().startsWith("CTA_")
                    || t.kind().equals(TimerEntity.SNOOZE_END)).map(Timer::subjectId).toArray(UUID[]::new);
            return conn.preparedQuery(SweepSql.POLICIES).execute(Tuple.of(tenants)).invoke(rows -> rows.forEach(row ->
                            policies.put(row.getUUID("tenant_id"), new Policy(row.getInteger("policy_version"),
                                    readPolicy(row.getString("document"))))))
                    .chain(() -> loadImmediateCounts(timers, tenants))
                    .chain(() -> slotIds.length == 0 ? Uni.createFrom().voidItem() : loadSlots(slotIds))
                    .chain(() -> conn.preparedQuery(SweepSql.OPEN_CADENCE_CTAS).execute(Tuple.of(clientIds)))
                    .invoke(rows -> rows.forEach(row -> known(SweepSql.cta(row))))
                    .chain(() -> ctaIds.length == 0 ? Uni.createFrom().voidItem()
                            : conn.preparedQuery(SweepSql.CTAS_BY_ID).execute(Tuple.of(ctaIds))
                            .invoke(rows -> rows.forEach(row -> known(SweepSql.cta(row))))
                            .replaceWithVoid())
                    .chain(() -> taskIds.length == 0 ? Uni.createFrom().voidItem()
                            : conn.preparedQuery(SweepSql.TASKS).execute(Tuple.of(taskIds))
                            .invoke(rows -> rows.forEach(row -> tasks.put(row.getUUID("id"), TaskState.of(row))))
                            .replaceWithVoid())
                    .chain(() -> conn.preparedQuery(SweepSql.TEMPLATES).execute(Tuple.of(tenants)))
                    .invoke(rows -> rows.forEach(row -> {
                        String k = key(row.getUUID("tenant_id"), row.getString("template_key"));
                        if (!tenantTemplates.containsKey(k)) {
                            tenantTemplates.put(k, "RETIRED".equals(row.getString("status")) ? null
                                    : readTemplate(row.getString("template_key"), row.getInteger("template_version"),
                                    row.getString("document")));
                        }
                    }))
                    .chain(() -> conn.preparedQuery(SweepSql.OWNERS).execute(Tuple.of(clientIds)))
                    .invoke(rows -> {
                        Map<String, Map<Role, Owners.Assignment>> maps = new HashMap<>();
                        rows.forEach(row -> Role.parse(row.getString("role")).ifPresent(role ->
                                maps.computeIfAbsent(key(row.getUUID("tenant_id"), row.getUUID("client_id")),
                                        k -> new EnumMap<>(Role.class)).put(role, new Owners.Assignment(
                                        row.getUUID("member_id"), row.getUUID("backup_member_id")))));
                        maps.forEach((k, map) -> owners.put(k, new Owners(map)));
                    })
                    .replaceWithVoid();
        }

        /** One grouped read for the alert budget: the local days the batch's timers fall on, per tenant zone. */
        private Uni<Void> loadImmediateCounts(List<Timer> timers, UUID[] tenants) {
            LocalDate[] days = timers.stream().map(t -> t.fireAt().atZone(policyOf(t.tenantId()).policy().zone())
                    .toLocalDate()).distinct().toArray(LocalDate[]::new);
            return conn.preparedQuery(SweepSql.IMMEDIATE_COUNTS).execute(Tuple.of(tenants, days))
                    .invoke(rows -> rows.forEach(row -> immediate.put(budgetKey(row.getUUID("tenant_id"),
                            row.getUUID("member_id"), row.getLocalDate("local_day")), row.getInteger("n"))))
                    .replaceWithVoid();
        }

        private Uni<Void> loadSlots(UUID[] slotIds) {
            Map<UUID, ClientState> byClientRow = new HashMap<>();
            return conn.preparedQuery(SweepSql.SLOTS).execute(Tuple.of(slotIds)).invoke(rows -> rows.forEach(row -> {
                SlotState slot = new SlotState();
                slot.id = row.getUUID("id");
                slot.tenantId = row.getUUID("tenant_id");
                slot.clientId = row.getUUID("client_id");
                slot.lineId = row.getUUID("line_id");
                slot.meetingType = row.getString("meeting_type");
                slot.strategic = row.getBoolean("strategic");
                slot.plan = new SlotPlan(row.getLocalDate("anchor_date"), row.getLocalDate("due_date"),
                        row.getLocalDate("window_end"), SweepSql.instant(row, "miss_at"));
                slot.state = row.getString("state");
                String override = row.getString("override_frequency");
                slot.frequency = Frequency.valueOf(override != null ? override : row.getString("frequency"));
                slot.ownerRole = Role.valueOf(row.getString("owner_role"));
                slot.lineActive = row.getBoolean("active");
                slot.client = byClientRow.computeIfAbsent(row.getUUID("client_row_id"), id -> {
                    ClientState client = new ClientState();
                    client.rowId = id;
                    client.segment = row.getString("segment");
                    client.status = row.getString("client_status");
                    client.streak = row.getInteger("consecutive_misses");
                    client.lastStrategicHeldAt = SweepSql.instant(row, "last_strategic_held_at");
                    return client;
                });
                slots.put(slot.id, slot);
            })).chain(() -> conn.preparedQuery(SweepSql.SLOT_MEETINGS).execute(Tuple.of(slotIds)))
                    .invoke(rows -> rows.forEach(row -> {
                        // A counting meeting already satisfied an earlier slot; it says nothing about this one.
                        if (row.getBoolean("counts")) {
                            return;
                        }
                        SlotState slot = slots.get(row.getUUID("slot_id"));
                        slot.meetings.add(new Meeting(row.getUUID("id"), row.getString("status"),
                                row.getBoolean("confirmed"), row.getString("cancel_reason"),
                                SweepSql.instant(row, "scheduled_for"), SweepSql.instant(row, "held_at"),
                                SweepSql.instant(row, "recap_due_at"), SweepSql.instant(row, "recap_recorded_at")));
                    }))
                    .replaceWithVoid();
        }

        private Uni<Void> fire(List<Timer> timers) {
            return Multi.createFrom().iterable(timers)
                    .onItem().transformToUniAndConcatenate(timer -> moreDue ? Uni.createFrom().voidItem()
                            : fireOne(timer).invoke(() -> done.add(timer)))
                    .collect().asList().replaceWithVoid();
        }

        private Uni<Void> fireOne(Timer timer) {
            return switch (timer.kind()) {
                case TimerEntity.SLOT_MISS -> slotMiss(timer);
                case TimerEntity.CTA_FIRST_ACTION -> {
                    CtaEntity cta = ctas.get(timer.subjectId());
                    if (cta != null && active(cta) && cta.firstActionAt == null
                            && timer.fireAt().equals(cta.firstActionDueAt)) {
                        escalate(cta, Escalation.Trigger.FIRST_ACTION_SLA, timer.fireAt(), timer);
                    }
                    yield Uni.createFrom().voidItem();
                }
                case TimerEntity.CTA_DUE -> {
                    CtaEntity cta = ctas.get(timer.subjectId());
                    if (cta != null && active(cta) && timer.fireAt().equals(cta.dueAt)) {
                        escalate(cta, Escalation.Trigger.DUE_DATE, timer.fireAt(), timer);
                    }
                    yield Uni.createFrom().voidItem();
                }
                case TimerEntity.SNOOZE_END -> {
                    CtaEntity cta = ctas.get(timer.subjectId());
                    if (cta != null && cta.status == CtaStatus.SNOOZED && timer.fireAt().equals(cta.snoozedUntil)) {
                        wake(cta, timer);
                    }
                    yield Uni.createFrom().voidItem();
                }
                case TimerEntity.TASK_DUE_SOON, TimerEntity.TASK_OVERDUE -> {
                    taskDue(timer);
                    yield Uni.createFrom().voidItem();
                }
                default -> Uni.createFrom().voidItem();
            };
        }

        /** §6.2 notices: an open task of an active run whose due date is still the one the timer was planned for. */
        private void taskDue(Timer timer) {
            TaskDueNotice.State state = TaskDueNotice.State.valueOf(timer.kind().substring("TASK_".length()));
            TaskState task = tasks.get(timer.subjectId());
            if (task == null || !TaskDueNotice.holds(state, timer.fireAt(), task.dueAt(),
                    "OPEN".equals(task.status()) && "ACTIVE".equals(task.runStatus()))) {
                return;
            }
            emit(timer.tenantId(), "timer:" + timer.id(), PlaybookEvents.taskDue(new PlaybookEvents.PlaybookTaskDue(
                    task.clientId(), task.runId(), task.id(), task.title(), task.ownerRole(), task.ownerMemberId(),
                    task.dueAt(), state.name())));
        }

        private boolean active(CtaEntity cta) {
            return cta.status == CtaStatus.OPEN || cta.status == CtaStatus.IN_PROGRESS;
        }

        // ---- slot misses (§2.3, §3.1) ----

        private Uni<Void> slotMiss(Timer timer) {
            SlotState slot = slots.get(timer.subjectId());
            if (slot == null || !slot.lineActive || "CHURNED".equals(slot.client.status)
                    || !(CadenceSlotEntity.OPEN.equals(slot.state) || CadenceSlotEntity.WAITING_RECAP.equals(slot.state))) {
                return Uni.createFrom().voidItem();
            }
            Policy policy = policyOf(slot.tenantId);
            CadencePolicy rules = policy.policy();
            Meeting latest = latestMeeting(slot, rules);
            MissReason.Verdict verdict = latest == null
                    ? MissReason.judge(null, false, null, null, false, timer.fireAt())
                    : MissReason.judge(latest.status(), latest.confirmed(), latest.cancelReason(),
                    latest.recapDueAt(), latest.recapRecordedAt() != null, timer.fireAt());
            if (verdict.waits()) {
                slot.state = CadenceSlotEntity.WAITING_RECAP;
                slotUpdates.add(slot.id, slot.state, null, null, latest.id());
                planTimer(slot.tenantId, slot.clientId, TimerEntity.SLOT_MISS, slot.id, verdict.waitUntil());
                return Uni.createFrom().voidItem();
            }
            slot.state = CadenceSlotEntity.MISSED;
            UUID meetingId = latest == null ? null : latest.id();
            slotUpdates.add(slot.id, slot.state, verdict.reason(), timer.fireAt(), meetingId);
            SlotPlan next = slot.plan.next(slot.frequency, rules.zone());
            UUID nextId = TimeOrderedIds.next();
            slotInserts.add(nextId, slot.tenantId, slot.clientId, slot.lineId, slot.meetingType, slot.strategic,
                    next.anchorDate(), next.dueDate(), next.windowEnd(), next.missAt(), policy.version());
            planTimer(slot.tenantId, slot.clientId, TimerEntity.SLOT_MISS, nextId, next.missAt());
            ClientState client = slot.client;
            if (slot.strategic) {
                client.streak += 1;
                if (!client.dirty) {
                    client.dirty = true;
                    clients.add(client);
                }
            }
            String correlation = "timer:" + timer.id();
            emit(slot.tenantId, correlation, new OutgoingEvent(EventTypes.MEETING_MISSED, slot.clientId.toString(),
                    "CadenceSlot", slot.id.toString(), new MeetingEvents.MeetingMissed(slot.clientId, slot.id,
                    meetingId, slot.meetingType, slot.strategic,
                    slot.plan.dueDate().atStartOfDay(rules.zone()).toInstant(), slot.plan.dueDate(),
                    slot.plan.windowEnd(), timer.fireAt(), verdict.reason().name(), client.streak)));
            if (!slot.strategic) {
                return Uni.createFrom().voidItem();
            }
            CadenceMissRules missRules = new CadenceMissRules(rules);
            CadenceMissRules.Miss miss = new CadenceMissRules.Miss(slot.clientId, slot.id, timer.id(),
                    slot.meetingType, slot.plan.dueDate(), verdict.reason(), client.streak, timer.fireAt(), correlation);
            Owners map = owners.getOrDefault(key(slot.tenantId, slot.clientId), Owners.NONE);
            MissLadder.Step step = MissLadder.step(client.streak, rules.missLadder());
            if (step == MissLadder.Step.REBOOK) {
                openOrRepeat(slot.tenantId, missRules.rebook(TimeOrderedIds.next(), miss, slot.ownerRole, map), slot, timer);
                return Uni.createFrom().voidItem();
            }
            return streakSlots(slot, client.streak).invoke(missed -> {
                emit(slot.tenantId, correlation, new OutgoingEvent(EventTypes.CADENCE_MISSED, slot.clientId.toString(),
                        "CadenceSlot", slot.id.toString(), new MeetingEvents.CadenceMissed(slot.clientId,
                        client.streak, MissLadder.threshold(step, rules.missLadder()), slot.meetingType,
                        client.lastStrategicHeldAt, missed, client.segment, policy.version(),
                        step == MissLadder.Step.REENGAGE ? "REENGAGE" : "CADENCE_REVIEW")));
                if (step == MissLadder.Step.REENGAGE) {
                    CtaDraft draft = missRules.reengage(TimeOrderedIds.next(), miss, slot.ownerRole, map);
                    supersedeRebooks(slot, draft.ctaId(), correlation);
                    openOrRepeat(slot.tenantId, draft, slot, timer);
                } else {
                    openOrRepeat(slot.tenantId, missRules.review(TimeOrderedIds.next(), miss, map), slot, timer);
                }
            }).replaceWithVoid();
        }

        /** The slot's latest meeting by local date inside its window (§3.1 miss reasons). */
        private Meeting latestMeeting(SlotState slot, CadencePolicy rules) {
            return slot.meetings.stream().filter(m -> {
                LocalDate day = m.when().atZone(rules.zone()).toLocalDate();
                return !day.isBefore(slot.plan.anchorDate()) && !day.isAfter(slot.plan.windowEnd());
            }).max(Comparator.comparing(Meeting::when)).orElse(null);
        }

        /** The strategic slots missed in this streak, newest first, at most five (this one included). */
        private Uni<List<UUID>> streakSlots(SlotState slot, int streak) {
            int earlier = Math.min(streak, 5) - 1;
            return conn.preparedQuery(SweepSql.STREAK_SLOTS).execute(Tuple.of(slot.tenantId, slot.clientId, earlier))
                    .map(rows -> {
                        List<UUID> ids = new ArrayList<>();
                        rows.forEach(row -> ids.add(row.getUUID("id")));
                        List<UUID> inOrder = new ArrayList<>(ids);
                        java.util.Collections.reverse(inOrder);
                        inOrder.add(slot.id);
                        return inOrder;
                    });
        }

        private void supersedeRebooks(SlotState slot, UUID by, String correlation) {
            for (CtaEntity cta : ctasOf(slot.tenantId, slot.clientId)) {
                if (cta.status != CtaStatus.CLOSED && CadenceMissRules.T_MISS1.equals(cta.ruleId)) {
                    Map<String, Object> inputs = new LinkedHashMap<>();
                    inputs.put("supersededBy", by.toString());
                    cta.close(CloseStatus.SUPERSEDED, new CtaReason("SUPERSEDED",
                            "Superseded by the re-engage CTA", cta.ruleId, cta.ruleVersion, inputs), eventTime);
                    cta.notification = Notification.NONE;
                    changed(cta);
                    voided.add(cta);
                    emit(cta.tenantId, correlation, CtaEvents.closed(cta));
                }
            }
        }

        /** One open CTA per dedupe key (§5.3): a new slot is a new cause on the open one. */
        private void openOrRepeat(UUID tenantId, CtaDraft draft, SlotState slot, Timer timer) {
            CtaEntity open = ctasOf(tenantId, draft.clientId()).stream().filter(c -> c.status != CtaStatus.CLOSED
                    && c.kind == draft.kind() && c.dedupeKey.equals(draft.dedupeKey())).findFirst().orElse(null);
            String correlation = draft.firstCause().correlationId();
            if (open != null) {
                List<CtaEvents.Change> changes = List.of(
                        new CtaEvents.Change("occurrences", open.occurrences, open.occurrences + 1),
                        new CtaEvents.Change("lastSeenAt", open.lastSeenAt, timer.fireAt()));
                open.occurrences += 1;
                open.lastSeenAt = timer.fireAt();
                open.updatedAt = eventTime;
                addCause(open, open.occurrences, draft);
                changed(open);
                // While snoozed a repeat is stored silently (§5.3).
                if (open.status != CtaStatus.SNOOZED) {
                    emit(tenantId, correlation, CtaEvents.updated(open, changes, Notification.DIGEST));
                    notice(open, CtaNotice.UPDATED, Notification.DIGEST, timer.fireAt());
                }
                return;
            }
            CtaEntity cta = CtaEntity.open(tenantId, draft);
            cta.meetingType = CadenceMissRules.T_MISS1.equals(draft.reason().ruleId()) ? slot.meetingType : null;
            cta.createdAt = eventTime;
            cta.updatedAt = eventTime;
            known(cta);
            newCtas.add(cta);
            addCause(cta, 1, draft);
            budget(cta, timer.fireAt());
            notice(cta, CtaNotice.OPENED, cta.notification, timer.fireAt());
            emit(tenantId, correlation, CtaEvents.opened(cta));
            if (cta.playbookKey != null) {
                startRun(cta, slot, correlation);
            }
            planTimer(tenantId, cta.clientId, TimerEntity.CTA_FIRST_ACTION, cta.id, cta.firstActionDueAt);
            planTimer(tenantId, cta.clientId, TimerEntity.CTA_DUE, cta.id, cta.dueAt);
        }

        /** The rule's playbook (reengage, cadence-review) starts with its CTA, at the CTA's SLA start (§6.2). */
        private void startRun(CtaEntity cta, SlotState slot, String correlation) {
            // The tenant's latest published version, else the seeded one; a retired template starts no run (§6.1).
            PlaybookTemplate template = tenantTemplates.containsKey(key(cta.tenantId, cta.playbookKey))
                    ? tenantTemplates.get(key(cta.tenantId, cta.playbookKey))
                    : PlaybookCatalogue.seeded(cta.playbookKey).orElse(null);
            if (template == null) {
                return;
            }
            CadencePolicy rules = policyOf(cta.tenantId).policy();
            Segment segment = Segment.parse(slot.client.segment)
                    .or(() -> Segment.parse(rules.provisionalSegment())).orElse(Segment.C);
            List<PlaybookPlanner.Planned> planned = new PlaybookPlanner(new SlaCalculator(rules.calendar()))
                    .plan(template.tasksFor(segment), cta.slaStartAt, cta.firstActionDueAt);
            Owners map = owners.getOrDefault(key(cta.tenantId, cta.clientId), Owners.NONE);
            PlaybookRunEntity run = new PlaybookRunEntity();
            run.id = TimeOrderedIds.next();
            run.tenantId = cta.tenantId;
            run.clientId = cta.clientId;
            run.templateKey = template.key();
            run.templateVersion = template.version();
            run.templateId = PlaybookService.templateId(cta.tenantId, template.key(), template.version());
            run.name = template.name();
            run.segment = segment.name();
            run.ctaId = cta.id;
            run.ownerRole = cta.ownerRole.name();
            run.ownerMemberId = cta.ownerMemberId;
            run.startedAt = cta.slaStartAt;
            cta.playbookRunId = run.id;
            runInserts.add(run.id, run.tenantId, run.clientId, run.templateId, run.templateKey, run.templateVersion,
                    run.name, run.segment, run.ctaId, run.ownerRole, run.ownerMemberId, run.startedAt,
                    cta.firstActionDueAt);
            List<PlaybookTaskEntity> rows = new ArrayList<>();
            int seq = 0;
            for (PlaybookPlanner.Planned p : planned) {
                PlaybookTaskEntity task = new PlaybookTaskEntity();
                task.id = TimeOrderedIds.next();
                task.title = p.task.title();
                Role role = p.task.ownerFor(segment);
                task.ownerRole = role.name();
                task.dueAt = p.dueAt;
                rows.add(task);
                taskInserts.add(task.id, run.tenantId, run.id, ++seq, p.task.taskKey(), task.title, task.ownerRole,
                        OwnerResolver.resolve(role, map, rules.csLeaderMemberId()).memberId(), task.dueAt,
                        p.task.required());
                // Planned as of the run's start (the timer's fire_at), so a catch-up run replays them in order.
                for (TaskDueNotice.Planned notice : TaskDueNotice.plan(task.dueAt, run.startedAt)) {
                    planTimer(run.tenantId, run.clientId, TimerEntity.taskNotice(notice.state()), task.id,
                            notice.fireAt());
                }
            }
            emit(cta.tenantId, correlation, PlaybookEvents.started(run, rows, template.expectedOutput()));
        }

        private void addCause(CtaEntity cta, int seq, CtaDraft draft) {
            var c = draft.firstCause();
            causes.add(TimeOrderedIds.next(), cta.tenantId, cta.id, seq, c.eventId(), c.type(), c.time(), c.causeKey(),
                    c.correlationId(), c.summary());
        }

        // ---- CTA escalation and wake-up (§5.3, §5.5) ----

        private void escalate(CtaEntity cta, Escalation.Trigger trigger, Instant breachedAt, Timer timer) {
            Priority before = cta.priority;
            int levelBefore = cta.escalationLevel;
            cta.escalationLevel += 1;
            cta.priority = Escalation.stepUp(before);
            cta.escalatedToRole = Role.CS_LEADER;
            cta.notification = Notification.IMMEDIATE;
            cta.updatedAt = eventTime;
            changed(cta);
            String correlation = "timer:" + timer.id();
            UUID leader = policyOf(cta.tenantId).policy().csLeaderMemberId();
            emit(cta.tenantId, correlation, CtaEvents.escalated(cta, trigger.name(), Role.CS_LEADER, leader, breachedAt));
            List<CtaEvents.Change> changes = new ArrayList<>();
            if (before != cta.priority) {
                changes.add(new CtaEvents.Change("priority", before.name(), cta.priority.name()));
            }
            changes.add(new CtaEvents.Change("escalationLevel", levelBefore, cta.escalationLevel));
            emit(cta.tenantId, correlation, CtaEvents.updated(cta, changes, Notification.IMMEDIATE));
        }

        private void wake(CtaEntity cta, Timer timer) {
            CtaStatus back = cta.snoozedFromStatus == null ? CtaStatus.OPEN : cta.snoozedFromStatus;
            List<CtaEvents.Change> changes = List.of(new CtaEvents.Change("status", CtaStatus.SNOOZED.name(), back.name()));
            cta.status = back;
            cta.snoozedUntil = null;
            cta.snoozedFromStatus = null;
            cta.notification = Notification.DIGEST;
            cta.updatedAt = eventTime;
            changed(cta);
            emit(cta.tenantId, "timer:" + timer.id(), CtaEvents.updated(cta, changes, Notification.DIGEST));
            notice(cta, CtaNotice.WOKEN, Notification.DIGEST, timer.fireAt());
            // Escalations that came due while it slept are evaluated now (§5.5).
            if (cta.firstActionAt == null && !cta.firstActionDueAt.isAfter(timer.fireAt())) {
                escalate(cta, Escalation.Trigger.FIRST_ACTION_SLA, cta.firstActionDueAt, timer);
            }
            if (!cta.dueAt.isAfter(timer.fireAt())) {
                escalate(cta, Escalation.Trigger.DUE_DATE, cta.dueAt, timer);
            }
        }

        // ---- alert budget and digest (§5.7) ----

        /** A HIGH opening waits for the digest once its owner used the day's budget. */
        private void budget(CtaEntity cta, Instant at) {
            if (cta.priority != Priority.HIGH || cta.notification != Notification.IMMEDIATE || cta.ownerMemberId == null) {
                return;
            }
            CadencePolicy rules = policyOf(cta.tenantId).policy();
            int used = immediate.getOrDefault(budgetKey(cta.tenantId, cta.ownerMemberId,
                    at.atZone(rules.zone()).toLocalDate()), 0);
            cta.notification = AlertBudget.opened(cta.priority, used, rules.alertDailyBudget());
        }

        private void notice(CtaEntity cta, String change, Notification notification, Instant at) {
            CadencePolicy rules = policyOf(cta.tenantId).policy();
            CtaNotice notice = CtaNotice.of(cta.ownerMemberId, rules.csLeaderMemberId(), AlertService.item(cta, change),
                    notification, at, rules.zone());
            if (notice == null) {
                return;
            }
            if (notice.counted() && notice.memberId() != null) {
                immediate.merge(budgetKey(cta.tenantId, notice.memberId(), notice.localDay()), 1, Integer::sum);
            }
            Digest.Item item = notice.item();
            notices.add(TimeOrderedIds.next(), cta.tenantId, notice.memberId(), item.ctaId(), item.clientId(), item.kind(),
                    item.title(), item.priority(), item.dueAt(), item.change(), notification.name(), notice.counted(),
                    notice.localDay(), at);
            if (notification == Notification.DIGEST) {
                Instant digestAt = AlertBudget.nextDigest(at, rules.digestTime(), rules.calendar());
                digests.merge(cta.tenantId, digestAt, (a, b) -> a.isBefore(b) ? a : b);
            }
        }

        // ---- writes ----

        private void changed(CtaEntity cta) {
            if (!newCtas.contains(cta)) {
                changedCtas.add(cta);
            }
        }

        private void planTimer(UUID tenantId, UUID clientId, String kind, UUID subjectId, Instant fireAt) {
            timerInserts.add(TimeOrderedIds.next(), tenantId, clientId, kind, subjectId, fireAt);
            if (!fireAt.isAfter(now)) {
                moreDue = true;
            }
        }

        private void emit(UUID tenantId, String correlationId, OutgoingEvent event) {
            SweepSql.addOutbox(outbox, TimeOrderedIds.next(), source, event.type(), eventTime, tenantId, correlationId,
                    event.subject(), event.aggregateType(), event.aggregateId(), event.data());
            events.merge(event.type(), 1, Integer::sum);
        }

        /**
         * One multi-row statement per kind of write, in dependency order. Causes and events were gathered in
         * emission order; timers go in after the voids so a re-planned subject keeps its new timer.
         */
        private Uni<Void> write(Void ignored) {
            UnnestWrite ctaInserts = SweepSql.insertCtas();
            newCtas.forEach(cta -> SweepSql.addInsert(ctaInserts, cta));
            UnnestWrite ctaUpdates = SweepSql.updateCtas();
            changedCtas.forEach(cta -> SweepSql.addUpdate(ctaUpdates, cta));
            UnnestWrite clientUpdates = SweepSql.updateClients();
            clients.forEach(client -> clientUpdates.add(client.rowId, client.streak));
            // Named steps: the bench's DEBUG line gives each statement's time (where a batch's write time goes).
            Map<String, Supplier<Uni<Void>>> steps = new LinkedHashMap<>();
            steps.put("ctaIns", () -> ctaInserts.execute(conn, now));
            steps.put("ctaUpd", () -> ctaUpdates.execute(conn, now));
            steps.put("causes", () -> causes.execute(conn, now));
            steps.put("runs", () -> runInserts.execute(conn, now));
            steps.put("tasks", () -> taskInserts.execute(conn, now));
            steps.put("slotUpd", () -> slotUpdates.execute(conn, now));
            steps.put("slotIns", () -> slotInserts.execute(conn, now));
            steps.put("clients", () -> clientUpdates.execute(conn, now));
            if (!voided.isEmpty()) {
                steps.put("void", () -> conn.preparedQuery(SweepSql.VOID_TIMERS_OF).execute(Tuple.of(
                        voided.stream().map(c -> c.tenantId).toArray(UUID[]::new),
                        voided.stream().map(c -> c.id).toArray(UUID[]::new), SweepSql.at(now))).replaceWithVoid());
            }
            steps.put("done", () -> conn.preparedQuery(SweepSql.TIMERS_DONE).execute(Tuple.of(
                    done.stream().map(Timer::id).toArray(UUID[]::new), SweepSql.at(now))).replaceWithVoid());
            steps.put("timerIns", () -> timerInserts.execute(conn, now));
            steps.put("outbox", () -> outbox.execute(conn, now));
            steps.put("notices", () -> notices.execute(conn, now));
            if (!digests.isEmpty()) {
                steps.put("digests", () -> conn.preparedQuery(SweepSql.PLAN_DIGESTS).execute(Tuple.of(
                        digests.keySet().toArray(UUID[]::new), digests.values().stream().map(SweepSql::at)
                                .toArray(java.time.OffsetDateTime[]::new), SweepSql.at(now))).replaceWithVoid());
            }
            return Multi.createFrom().iterable(steps.entrySet()).onItem().transformToUniAndConcatenate(step -> {
                        long started = System.nanoTime();
                        return step.getValue().get().invoke(() -> stepMs.put(step.getKey(),
                                (System.nanoTime() - started) / 1_000_000));
                    })
                    .collect().asList().replaceWithVoid();
        }

        /** CTAs by id and by client: a batch holds hundreds, so the per-timer lookups must not scan them all. */
        private void known(CtaEntity cta) {
            if (ctas.putIfAbsent(cta.id, cta) == null) {
                byClient.computeIfAbsent(key(cta.tenantId, cta.clientId), k -> new ArrayList<>()).add(cta);
            }
        }

        private List<CtaEntity> ctasOf(UUID tenantId, UUID clientId) {
            return byClient.getOrDefault(key(tenantId, clientId), List.of());
        }

        private Policy policyOf(UUID tenantId) {
            return policies.computeIfAbsent(tenantId, t -> new Policy(1, CadencePolicy.defaults()));
        }
    }

    private static String budgetKey(UUID tenantId, UUID memberId, LocalDate day) {
        return tenantId + "/" + memberId + "/" + day;
    }

    private static String key(UUID tenantId, Object second) {
        return tenantId + "/" + second;
    }

    private static PlaybookTemplate readTemplate(String key, int version, String document) {
        try {
            return EventCodec.mapper().readValue(document, TemplateDocument.class).toTemplate(key, version);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable template " + key + " v" + version, e);
        }
    }

    private static CadencePolicy readPolicy(String document) {
        try {
            return EventCodec.mapper().readValue(document, CadencePolicy.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable cadence policy", e);
        }
    }
}
