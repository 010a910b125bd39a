package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.CadencePolicy;
import io.mspcs.cadence.domain.Cause;
import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.CtaDraft;
import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.CtaReason;
import io.mspcs.cadence.domain.CtaSource;
import io.mspcs.cadence.domain.CtaStatus;
import io.mspcs.cadence.domain.Escalation;
import io.mspcs.cadence.domain.Notification;
import io.mspcs.cadence.domain.NotificationPolicy;
import io.mspcs.cadence.domain.OwnerResolver;
import io.mspcs.cadence.domain.Priority;
import io.mspcs.cadence.domain.Role;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.domain.SlaOffset;
import io.mspcs.cadence.messaging.CtaEvents;
import io.mspcs.cadence.repository.ClientOwnerRepository;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.CtaCauseEntity;
import io.mspcs.cadence.repository.CtaCauseRepository;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.cadence.repository.TimerRepository;
import io.mspcs.cadence.rest.CtaRequests;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * People working CTAs (cadence.md §5.2–§5.5): manual CTAs, status, activities, snooze and wake, assignment, close
 * and manual escalation. Close, snooze and wake are for the owner, the backup or a CS leader (403 {@code not-owner}).
 */
@ApplicationScoped
public class CtaWorkService {

    /** The alert budget decides the opening's notification (cadence.md §5.7). */
    @jakarta.inject.Inject
    AlertService alerts;

    /** Who is acting: the principal and its roles, as the gateway forwarded them. */
    public record Actor(UUID memberId, Set<String> roles) {
        boolean leader() {
            return roles.contains("CS_LEADER");
        }
    }

    private static final Set<String> SNOOZE_REASONS = Set.of("WAITING_ON_CLIENT", "SCHEDULED_LATER", "KNOWN_ISSUE", "OTHER");
    private static final Set<String> DISMISS_REASONS = Set.of("NOT_RELEVANT", "DUPLICATE", "HANDLED_ELSEWHERE", "OTHER");
    private static final Set<String> ACTIVITY_TYPES = Set.of("NOTE", "CALL", "EMAIL");

    private final CtaRepository ctas;
    private final CtaCauseRepository causes;
    private final ClientViewRepository clients;
    private final ClientOwnerRepository owners;
    private final PolicyService policies;
    private final TimerRepository timers;
    private final CtaService ctaService;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CtaWorkService(CtaRepository ctas, CtaCauseRepository causes, ClientViewRepository clients,
                          ClientOwnerRepository owners, PolicyService policies, TimerRepository timers,
                          CtaService ctaService, OutboxWriter outbox, Clock clock) {
        this.ctas = ctas;
        this.causes = causes;
        this.clients = clients;
        this.owners = owners;
        this.policies = policies;
        this.timers = timers;
        this.ctaService = ctaService;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<CtaEntity> createManual(EventContext context, Actor actor, UUID clientId, CtaRequests.Manual request) {
        CtaKind kind = parse(CtaKind.class, "kind", request.kind());
        Priority priority = parse(Priority.class, "priority", request.priority());
        Role role = Role.parse(request.ownerRole())
                .orElseThrow(() -> ProblemException.invalid("ownerRole", "unknown-value", "unknown role"));
        UUID tenantId = context.tenantId();
        Instant now = now();
        if (!request.dueAt().isAfter(now)) {
            throw ProblemException.invalid("dueAt", "in-past", "dueAt must be in the future");
        }
        return clients.findClient(tenantId, clientId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Client " + clientId))
                .chain(client -> policies.ensure(tenantId)).chain(versioned -> owners.ownersOf(tenantId, clientId)
                        .chain(map -> {
                            CadencePolicy policy = versioned.policy();
                            UUID ctaId = UUID.randomUUID();
                            Instant start = SlaCalculator.slaStartAt(now);
                            Instant firstAction = new SlaCalculator(policy.calendar()).dueAt(start, SlaOffset.parse("72h"));
                            Map<String, Object> inputs = new LinkedHashMap<>();
                            inputs.put("createdBy", actor.memberId() == null ? null : actor.memberId().toString());
                            CtaReason reason = new CtaReason("MANUAL", request.title(), null, null, inputs);
                            Cause cause = new Cause(ctaId, "manual", now, "manual:" + ctaId, context.correlationId(),
                                    "Opened by hand");
                            CtaDraft draft = new CtaDraft(ctaId, clientId, kind, "MANUAL", request.title(), priority,
                                    CtaSource.MANUAL, clientId + ":MANUAL:" + ctaId, null, request.playbookKey(),
                                    OwnerResolver.resolve(role, map, policy.csLeaderMemberId()), now, start,
                                    firstAction.isAfter(request.dueAt()) ? request.dueAt() : firstAction,
                                    request.dueAt(), NotificationPolicy.opened(priority), reason, null, cause);
                            CtaEntity cta = CtaEntity.open(tenantId, draft);
                            return alerts.opened(cta).chain(() -> ctas.persist(cta))
                                    .chain(() -> causes.persist(CtaCauseEntity.of(tenantId, cta.id, 1, cause, now)))
                                    .chain(() -> outbox.append(CtaEvents.opened(cta), context))
                                    .chain(() -> ctaService.planSlaTimers(cta)).replaceWith(cta);
                        }));
    }

    @WithTransaction
    public Uni<CtaEntity> patch(EventContext context, Actor actor, UUID ctaId, CtaRequests.Patch request) {
        return open(context.tenantId(), ctaId).chain(cta -> {
            Instant now = now();
            List<CtaEvents.Change> changes = new ArrayList<>();
            Uni<Void> timerWork = Uni.createFrom().voidItem();
            if (request.status() != null) {
                CtaStatus status = parse(CtaStatus.class, "status", request.status());
                if (status != CtaStatus.OPEN && status != CtaStatus.IN_PROGRESS || cta.status == CtaStatus.SNOOZED) {
                    throw transition("status " + cta.status + " → " + status + " (use snooze, wake or close)");
                }
                if (status != cta.status) {
                    changes.add(new CtaEvents.Change("status", cta.status.name(), status.name()));
                    cta.status = status;
                    cta.lastMovementAt = now;
                    if (status == CtaStatus.IN_PROGRESS) {
                        firstAction(cta, now, changes);
                    }
                }
            }
            if (request.priority() != null) {
                Priority priority = parse(Priority.class, "priority", request.priority());
                if (priority != cta.priority) {
                    changes.add(new CtaEvents.Change("priority", cta.priority.name(), priority.name()));
                    cta.priority = priority;
                }
            }
            if (request.title() != null && !request.title().equals(cta.title)) {
                changes.add(new CtaEvents.Change("title", cta.title, request.title()));
                cta.title = request.title();
            }
            if (request.dueAt() != null && !request.dueAt().equals(cta.dueAt)) {
                timerWork = moveDue(cta, request.dueAt(), changes, now);
            }
            if (changes.isEmpty()) {
                return Uni.createFrom().item(cta);
            }
            cta.updatedAt = now;
            cta.notification = NotificationPolicy.updated();
            return timerWork.chain(() -> outbox.append(CtaEvents.updated(cta, changes, cta.notification,
                    actor.memberId()), context)).replaceWith(cta);
        });
    }

    @WithTransaction
    public Uni<CtaEntity> activity(EventContext context, Actor actor, UUID ctaId, CtaRequests.Activity request) {
        if (!ACTIVITY_TYPES.contains(request.type())) {
            throw ProblemException.invalid("type", "unknown-value", "type must be one of " + ACTIVITY_TYPES);
        }
        return open(context.tenantId(), ctaId).chain(cta -> {
            Instant now = now();
            List<CtaEvents.Change> changes = new ArrayList<>();
            cta.lastMovementAt = now;
            if (cta.status == CtaStatus.OPEN) {
                changes.add(new CtaEvents.Change("status", cta.status.name(), CtaStatus.IN_PROGRESS.name()));
                cta.status = CtaStatus.IN_PROGRESS;
            }
            firstAction(cta, now, changes);
            cta.updatedAt = now;
            if (changes.isEmpty()) {
                return Uni.createFrom().item(cta);
            }
            cta.notification = NotificationPolicy.updated();
            return outbox.append(CtaEvents.updated(cta, changes, cta.notification, actor.memberId()), context)
                    .replaceWith(cta);
        });
    }

    /** Snooze until a local date (≤ 90 days), waking at 08:00 local; a snooze is a first action; dueAt stays. */
    @WithTransaction
    public Uni<CtaEntity> snooze(EventContext context, Actor actor, UUID ctaId, CtaRequests.Snooze request) {
        if (!SNOOZE_REASONS.contains(request.reasonCode())) {
            throw ProblemException.invalid("reasonCode", "unknown-value", "reasonCode must be one of " + SNOOZE_REASONS);
        }
        return open(context.tenantId(), ctaId).chain(cta -> policies.ensure(cta.tenantId).chain(versioned -> {
            requireOwner(cta, actor);
            if (cta.status == CtaStatus.SNOOZED) {
                throw transition("the CTA is already snoozed");
            }
            CadencePolicy policy = versioned.policy();
            Instant now = now();
            Instant until = request.until().atTime(policy.opensAt()).atZone(policy.zone()).toInstant();
            if (!until.isAfter(now) || until.isAfter(now.plus(Duration.ofDays(90)))) {
                throw ProblemException.invalid("until", "out-of-range", "until must be within the next 90 days");
            }
            List<CtaEvents.Change> changes = new ArrayList<>();
            changes.add(new CtaEvents.Change("status", cta.status.name(), CtaStatus.SNOOZED.name()));
            cta.snoozedFromStatus = cta.status;
            cta.status = CtaStatus.SNOOZED;
            cta.snoozedUntil = until;
            cta.snoozeReason = request.reasonCode() + (request.text() == null ? "" : ": " + request.text());
            cta.lastMovementAt = now;
            firstAction(cta, now, changes);
            Uni<Void> timerWork = timers.plan(cta.tenantId, cta.clientId, TimerEntity.SNOOZE_END, cta.id, until, now)
                    .replaceWithVoid();
            if (request.dueAt() != null && !request.dueAt().equals(cta.dueAt)) {
                timerWork = timerWork.chain(() -> moveDue(cta, request.dueAt(), changes, now));
            }
            cta.updatedAt = now;
            cta.notification = NotificationPolicy.updated();
            return timerWork.chain(() -> outbox.append(CtaEvents.updated(cta, changes, cta.notification,
                    actor.memberId()), context)).replaceWith(cta);
        }));
    }

    @WithTransaction
    public Uni<CtaEntity> wake(EventContext context, Actor actor, UUID ctaId) {
        return open(context.tenantId(), ctaId).chain(cta -> {
            requireOwner(cta, actor);
            if (cta.status != CtaStatus.SNOOZED) {
                throw transition("the CTA is not snoozed");
            }
            Instant now = now();
            CtaStatus back = cta.snoozedFromStatus == null ? CtaStatus.OPEN : cta.snoozedFromStatus;
            List<CtaEvents.Change> changes = List.of(new CtaEvents.Change("status", cta.status.name(), back.name()));
            cta.status = back;
            cta.snoozedUntil = null;
            cta.snoozedFromStatus = null;
            cta.updatedAt = now;
            cta.notification = NotificationPolicy.updated();
            // Escalation timers that passed while asleep were spent; a passed due date escalates at the next sweep.
            Uni<Void> replan = cta.dueAt.isAfter(now) ? Uni.createFrom().voidItem()
                    : timers.voidPending(cta.tenantId, cta.id, TimerEntity.CTA_DUE, now).chain(() ->
                            timers.plan(cta.tenantId, cta.clientId, TimerEntity.CTA_DUE, cta.id, cta.dueAt, now))
                    .replaceWithVoid();
            return timers.voidPending(cta.tenantId, cta.id, TimerEntity.SNOOZE_END, now).chain(() -> replan)
                    .chain(() -> outbox.append(CtaEvents.updated(cta, changes, cta.notification, actor.memberId()),
                            context)).replaceWith(cta);
        });
    }

    /** CS leader or the owner; the manual owner holds until the next OwnerAssigned for the role (§5.6). */
    @WithTransaction
    public Uni<CtaEntity> assign(EventContext context, Actor actor, UUID ctaId, CtaRequests.Assign request) {
        return open(context.tenantId(), ctaId).chain(cta -> {
            if (!actor.leader() && !Objects.equals(actor.memberId(), cta.ownerMemberId)) {
                throw notOwner();
            }
            if (request.ownerMemberId().equals(cta.ownerMemberId)) {
                return Uni.createFrom().item(cta);
            }
            List<CtaEvents.Change> changes = List.of(new CtaEvents.Change("ownerMemberId", cta.ownerMemberId,
                    request.ownerMemberId()));
            cta.ownerMemberId = request.ownerMemberId();
            cta.ownerResolution = io.mspcs.cadence.domain.OwnerResolution.OWNER;
            cta.updatedAt = now();
            cta.notification = NotificationPolicy.updated();
            return outbox.append(CtaEvents.updated(cta, changes, cta.notification, actor.memberId()), context)
                    .replaceWith(cta);
        });
    }

    /** DONE (resolved) or CANCELLED (dismissed, with a reason and optional suppression ≤ 90 days). */
    @WithTransaction
    public Uni<CtaEntity> close(EventContext context, Actor actor, UUID ctaId, CtaRequests.Close request) {
        CloseStatus how = parse(CloseStatus.class, "closeStatus", request.closeStatus());
        if (how != CloseStatus.DONE && how != CloseStatus.CANCELLED) {
            throw ProblemException.invalid("closeStatus", "unknown-value", "closeStatus must be DONE or CANCELLED");
        }
        if (how == CloseStatus.CANCELLED && (request.reasonCode() == null || !DISMISS_REASONS.contains(request.reasonCode()))) {
            throw ProblemException.invalid("reasonCode", "unknown-value", "reasonCode must be one of " + DISMISS_REASONS);
        }
        if (request.suppressDays() != null && (request.suppressDays() < 1 || request.suppressDays() > 90
                || how != CloseStatus.CANCELLED)) {
            throw ProblemException.invalid("suppressDays", "out-of-range", "suppressDays is 1–90, on a dismissal only");
        }
        return open(context.tenantId(), ctaId).chain(cta -> {
            requireOwner(cta, actor);
            Instant now = now();
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("closedBy", actor.memberId() == null ? null : actor.memberId().toString());
            String code = request.reasonCode() == null ? "RESOLVED" : request.reasonCode();
            cta.close(how, new CtaReason(code, request.text(), cta.ruleId, cta.ruleVersion, inputs), now);
            if (request.suppressDays() != null) {
                cta.suppressUntil = now.plus(Duration.ofDays(request.suppressDays()));
            }
            cta.notification = Notification.NONE;
            return timers.voidAllOf(cta.tenantId, cta.id, now)
                    .chain(() -> outbox.append(CtaEvents.closed(cta), context)).replaceWith(cta);
        });
    }

    @WithTransaction
    public Uni<CtaEntity> escalate(EventContext context, Actor actor, UUID ctaId, CtaRequests.Escalate request) {
        Role to = request.toRole() == null ? Role.CS_LEADER : Role.parse(request.toRole())
                .orElseThrow(() -> ProblemException.invalid("toRole", "unknown-value", "unknown role"));
        return open(context.tenantId(), ctaId).chain(cta -> policies.ensure(cta.tenantId).chain(versioned -> {
            Instant now = now();
            Priority before = cta.priority;
            int level = cta.escalationLevel;
            cta.escalationLevel += 1;
            cta.priority = Escalation.stepUp(before);
            cta.escalatedToRole = to;
            cta.updatedAt = now;
            cta.notification = Notification.IMMEDIATE;
            List<CtaEvents.Change> changes = new ArrayList<>();
            if (before != cta.priority) {
                changes.add(new CtaEvents.Change("priority", before.name(), cta.priority.name()));
            }
            changes.add(new CtaEvents.Change("escalationLevel", level, cta.escalationLevel));
            UUID member = to == Role.CS_LEADER ? versioned.policy().csLeaderMemberId() : null;
            return outbox.append(CtaEvents.escalated(cta, Escalation.Trigger.MANUAL.name(), to, member, now), context)
                    .chain(() -> outbox.append(CtaEvents.updated(cta, changes, Notification.IMMEDIATE,
                            actor.memberId()), context)).replaceWith(cta);
        }));
    }

    private Uni<Void> moveDue(CtaEntity cta, Instant dueAt, List<CtaEvents.Change> changes, Instant now) {
        changes.add(new CtaEvents.Change("dueAt", cta.dueAt, dueAt));
        cta.dueAt = dueAt;
        // DUE_DATE escalates again after the due date is moved (§5.5).
        return timers.voidPending(cta.tenantId, cta.id, TimerEntity.CTA_DUE, now)
                .chain(() -> timers.plan(cta.tenantId, cta.clientId, TimerEntity.CTA_DUE, cta.id, dueAt, now))
                .replaceWithVoid();
    }

    /** Set once (§5.2). */
    private static void firstAction(CtaEntity cta, Instant now, List<CtaEvents.Change> changes) {
        if (cta.firstActionAt == null) {
            changes.add(new CtaEvents.Change("firstActionAt", null, now));
            cta.firstActionAt = now;
        }
    }

    private Uni<CtaEntity> open(UUID tenantId, UUID ctaId) {
        return ctas.findInTenant(tenantId, ctaId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("CTA " + ctaId))
                .invoke(cta -> {
                    if (cta.status == CtaStatus.CLOSED) {
                        throw transition("the CTA is closed; closed CTAs never reopen");
                    }
                });
    }

    private static void requireOwner(CtaEntity cta, Actor actor) {
        boolean owner = actor.memberId() != null && (actor.memberId().equals(cta.ownerMemberId)
                || actor.memberId().equals(cta.backupMemberId));
        if (!owner && !actor.leader()) {
            throw notOwner();
        }
    }

    private static ProblemException notOwner() {
        return new ProblemException(403, "not-owner", "Not the owner",
                "Only the owner, the backup or a CS leader may do this", List.of());
    }

    private static ProblemException transition(String detail) {
        return new ProblemException(409, "invalid-transition", "Invalid transition", detail, List.of());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ProblemException.invalid(field, "unknown-value", field + " is not one of the allowed values");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
