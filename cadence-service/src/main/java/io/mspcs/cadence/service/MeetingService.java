package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.CadencePolicy;
import io.mspcs.cadence.domain.DecisionRules;
import io.mspcs.cadence.domain.LineSpec;
import io.mspcs.cadence.domain.OwnerResolver;
import io.mspcs.cadence.domain.Role;
import io.mspcs.cadence.messaging.MeetingEvents;
import io.mspcs.cadence.repository.ClientOwnerRepository;
import io.mspcs.cadence.repository.ClientViewEntity;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.DecisionEntity;
import io.mspcs.cadence.repository.DecisionRepository;
import io.mspcs.cadence.repository.MeetingEntity;
import io.mspcs.cadence.repository.MeetingRepository;
import io.mspcs.cadence.rest.MeetingRequests;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Meetings, recaps and decisions (cadence.md §2.4, §8.2). */
@ApplicationScoped
public class MeetingService {

    /** A meeting with its decisions. */
    public record MeetingWithDecisions(MeetingEntity meeting, List<DecisionEntity> decisions) {
    }

    static final Set<String> CANCEL_REASONS = Set.of("CANCELLED_BY_CLIENT", "CANCELLED_BY_MSP", "NO_SHOW");
    private static final Set<String> FORMATS = Set.of("FULL_LIVE", "SHORT_SESSION", "DIGITAL_LITE", "DIGITAL_ASYNC");
    private static final Set<String> SOURCES = Set.of("POLICY", "PLAYBOOK", "MANUAL", "IMPORT");

    private final MeetingRepository meetings;
    private final DecisionRepository decisions;
    private final ClientViewRepository clients;
    private final ClientOwnerRepository owners;
    private final PolicyService policies;
    private final CadenceService cadence;
    private final OutboxWriter outbox;
    private final Clock clock;

    public MeetingService(MeetingRepository meetings, DecisionRepository decisions, ClientViewRepository clients,
                          ClientOwnerRepository owners, PolicyService policies, CadenceService cadence,
                          OutboxWriter outbox, Clock clock) {
        this.meetings = meetings;
        this.decisions = decisions;
        this.clients = clients;
        this.owners = owners;
        this.policies = policies;
        this.cadence = cadence;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<MeetingEntity> schedule(EventContext context, UUID clientId, MeetingRequests.Schedule request) {
        UUID tenantId = context.tenantId();
        String format = request.format();
        if (format != null && !FORMATS.contains(format)) {
            throw ProblemException.invalid("format", "unknown-value", "format must be one of " + FORMATS);
        }
        String source = request.source() == null ? "MANUAL" : request.source();
        if (!SOURCES.contains(source)) {
            throw ProblemException.invalid("source", "unknown-value", "source must be one of " + SOURCES);
        }
        return client(tenantId, clientId).chain(client -> create(context, client, request, format, source));
    }

    /** Creates a validated meeting of a known client (schedule and bulk import); {@code MeetingScheduled}. */
    Uni<MeetingEntity> create(EventContext context, ClientViewEntity client, MeetingRequests.Schedule request,
                              String format, String source) {
        UUID tenantId = context.tenantId();
        UUID clientId = client.clientId;
        Optional<Role> requestedRole = Optional.ofNullable(request.ownerRole()).map(r -> Role.parse(r)
                .orElseThrow(() -> ProblemException.invalid("ownerRole", "unknown-value", "unknown role " + r)));
        return policies.ensure(tenantId).chain(versioned -> {
            CadencePolicy policy = versioned.policy();
            Optional<LineSpec> line = policy.line(client.segment, request.meetingType());
            Role role = requestedRole.orElse(line.map(LineSpec::ownerRole).orElse(Role.CSM));
            return owners.ownersOf(tenantId, clientId).chain(map -> {
                Instant now = now();
                MeetingEntity m = new MeetingEntity();
                m.id = UUID.randomUUID();
                m.tenantId = tenantId;
                m.clientId = clientId;
                m.meetingType = request.meetingType();
                m.title = request.title() == null ? request.meetingType().replace('_', ' ') : request.title();
                m.strategic = policy.strategic(request.meetingType());
                m.format = format != null ? format : line.map(LineSpec::format).orElse("FULL_LIVE");
                m.scheduledFor = request.scheduledFor();
                m.durationMinutes = request.durationMinutes() != null ? request.durationMinutes()
                        : line.map(LineSpec::minutes).orElse(30);
                m.confirmed = request.confirmed() == null || request.confirmed();
                m.ownerRole = role.name();
                m.ownerMemberId = request.ownerMemberId() != null ? request.ownerMemberId()
                        : OwnerResolver.resolve(role, map, policy.csLeaderMemberId()).memberId();
                m.source = source;
                m.externalId = request.externalId();
                m.status = MeetingEntity.SCHEDULED;
                m.counts = false;
                m.createdAt = now;
                m.updatedAt = now;
                return cadence.openSlotFor(tenantId, clientId, m.meetingType).chain(slot -> {
                    m.cadenceSlotId = slot.map(s -> s.id).orElse(null);
                    return meetings.persist(m);
                }).call(saved -> outbox.append(MeetingEvents.scheduled(saved, null), context));
            });
        });
    }

    @WithTransaction
    public Uni<MeetingEntity> patch(EventContext context, UUID meetingId, MeetingRequests.Patch request) {
        return meeting(context.tenantId(), meetingId).chain(m -> {
            requireStatus(m, MeetingEntity.SCHEDULED);
            return applyPatch(context, m, request).replaceWith(m);
        });
    }

    /** Reschedules, confirms, re-owns a SCHEDULED meeting (PATCH and bulk import); answers whether it emitted. */
    Uni<Boolean> applyPatch(EventContext context, MeetingEntity m, MeetingRequests.Patch request) {
        Instant from = null;
        boolean changed = false;
        if (request.scheduledFor() != null && !request.scheduledFor().equals(m.scheduledFor)) {
            from = m.scheduledFor;
            m.scheduledFor = request.scheduledFor();
            changed = true;
        }
        if (request.confirmed() != null && request.confirmed() != m.confirmed) {
            m.confirmed = request.confirmed();
            changed = true;
        }
        if (request.ownerMemberId() != null && !request.ownerMemberId().equals(m.ownerMemberId)) {
            m.ownerMemberId = request.ownerMemberId();
            changed = true;
        }
        if (request.attendeeRoles() != null) {
            m.attendeeRoles = String.join(",", request.attendeeRoles());
            m.updatedAt = now();
        }
        if (!changed) {
            return Uni.createFrom().item(false);
        }
        m.updatedAt = now();
        return outbox.append(MeetingEvents.scheduled(m, from), context).replaceWith(true);
    }

    /** Held once, not in the future; the recap is due 48 h later. {@code onTime} = by the slot's window end. */
    @WithTransaction
    public Uni<MeetingRequests.HeldResult> held(EventContext context, UUID meetingId, MeetingRequests.Held request) {
        Instant now = now();
        if (request.heldAt().isAfter(now)) {
            throw ProblemException.invalid("heldAt", "in-future", "heldAt must not be in the future");
        }
        return meeting(context.tenantId(), meetingId).chain(m -> {
            requireStatus(m, MeetingEntity.SCHEDULED);
            return recordHeld(context, m, request, now);
        });
    }

    /** Records a SCHEDULED meeting as held (POST /held and bulk import): recap due, counts without recap credit. */
    Uni<MeetingRequests.HeldResult> recordHeld(EventContext context, MeetingEntity m, MeetingRequests.Held request,
                                               Instant now) {
        UUID tenantId = context.tenantId();
        return policies.ensure(tenantId).chain(versioned -> {
            CadencePolicy policy = versioned.policy();
            m.status = MeetingEntity.HELD;
            m.heldAt = request.heldAt().truncatedTo(ChronoUnit.MILLIS);
            m.attendeeRoles = request.attendeeRoles() == null ? null : String.join(",", request.attendeeRoles());
            m.clientAttendeeCount = request.clientAttendeeCount() == null ? 0 : request.clientAttendeeCount();
            m.decisionMakerPresent = Boolean.TRUE.equals(request.decisionMakerPresent());
            m.execSponsorPresent = Boolean.TRUE.equals(request.execSponsorPresent());
            m.recapDueAt = m.heldAt.plus(policy.recapDueHours(), ChronoUnit.HOURS);
            m.updatedAt = now;
            LocalDate heldDate = m.heldAt.atZone(policy.zone()).toLocalDate();
            return cadence.openSlotFor(tenantId, m.clientId, m.meetingType).chain(slot -> {
                boolean onTime = slot.map(s -> !heldDate.isAfter(s.windowEnd)).orElse(true);
                // Without recap credit, held alone counts (§2.4).
                m.counts = !policy.recapRequiredForCredit();
                return outbox.append(MeetingEvents.held(m, onTime), context)
                        .chain(() -> m.counts ? client(tenantId, m.clientId).chain(c -> cadence.count(m, c, context))
                                .replaceWithVoid() : Uni.createFrom().voidItem())
                        .replaceWith(new MeetingRequests.HeldResult(m.status, m.recapDueAt, m.counts));
            });
        });
    }

    /** Written once; on time when recorded by {@code recapDueAt}; then the meeting counts (§2.4). */
    @WithTransaction
    public Uni<MeetingRequests.RecapResult> recap(EventContext context, UUID meetingId, MeetingRequests.Recap request) {
        UUID tenantId = context.tenantId();
        Instant now = now();
        return meeting(tenantId, meetingId).chain(m -> {
            requireStatus(m, MeetingEntity.HELD);
            if (m.recapRecordedAt != null) {
                throw new ProblemException(409, "invalid-transition", "Invalid transition",
                        "The recap of this meeting is already recorded", List.of());
            }
            m.recapDecided = request.decided();
            m.recapWhyNow = request.whyNow();
            m.recapOwnersAndDates = request.ownersAndDates();
            m.recapRisks = request.risks();
            m.recapNextCadence = request.nextCadence();
            m.recapRecordedAt = now;
            m.recapOnTime = !now.isAfter(m.recapDueAt);
            m.updatedAt = now;
            boolean countsNow = m.recapOnTime && !m.counts;
            if (countsNow) {
                m.counts = true;
            }
            Uni<CadenceService.Counted> counting = countsNow
                    ? client(tenantId, m.clientId).chain(c -> cadence.count(m, c, context))
                    : Uni.createFrom().item(new CadenceService.Counted(null, List.of(), false, m.cadenceSlotId));
            return counting.call(counted -> outbox.append(MeetingEvents.recap(m, counted.slotId()), context))
                    .map(counted -> new MeetingRequests.RecapResult(m.recapOnTime, m.counts, counted.nextDueDate()));
        });
    }

    @WithTransaction
    public Uni<DecisionEntity> decide(EventContext context, UUID meetingId, MeetingRequests.Decision request) {
        DecisionRules.problem(request.outcome(), request.summary(), request.ownerMemberId(), request.ownerContactId(),
                request.dueDate()).ifPresent(problem -> {
            String[] parts = problem.split(":");
            throw ProblemException.invalid(parts[0], parts[1], "invalid decision: " + problem);
        });
        UUID tenantId = context.tenantId();
        return meeting(tenantId, meetingId).chain(m -> policies.ensure(tenantId).chain(versioned -> {
            if (m.decisionsCount >= versioned.policy().maxDecisionsPerMeeting()) {
                throw new ProblemException(409, "decision-limit", "Decision limit reached", "A meeting records at most "
                        + versioned.policy().maxDecisionsPerMeeting() + " decisions", List.of());
            }
            Instant now = now();
            DecisionEntity d = new DecisionEntity();
            d.id = UUID.randomUUID();
            d.tenantId = tenantId;
            d.clientId = m.clientId;
            d.meetingId = m.id;
            d.outcome = request.outcome();
            d.summary = request.summary();
            d.ownerMemberId = request.ownerMemberId();
            d.ownerContactId = request.ownerContactId();
            d.dueDate = request.dueDate();
            d.budgetAmount = request.budget() == null ? null : request.budget().amount();
            d.budgetCurrency = request.budget() == null ? null : request.budget().currency();
            d.creditGateMet = DecisionRules.creditGateMet(d.outcome, d.ownerMemberId, d.ownerContactId, d.dueDate,
                    d.budgetAmount);
            d.decidedAt = now;
            d.createdAt = now;
            d.updatedAt = now;
            m.decisionsCount += 1;
            m.updatedAt = now;
            return decisions.persist(d).call(saved -> outbox.append(MeetingEvents.decision(saved), context));
        }));
    }

    @WithTransaction
    public Uni<MeetingEntity> cancel(EventContext context, UUID meetingId, MeetingRequests.Cancel request) {
        if (!CANCEL_REASONS.contains(request.reason())) {
            throw ProblemException.invalid("reason", "unknown-value", "reason must be one of " + CANCEL_REASONS);
        }
        return meeting(context.tenantId(), meetingId).chain(m -> {
            requireStatus(m, MeetingEntity.SCHEDULED);
            return applyCancel(context, m, request.reason());
        });
    }

    /** A churned client keeps no future meetings (cadence.md §7.2): each is cancelled CLIENT_CHURNED. */
    public Uni<Void> cancelFutureOfChurned(EventContext context, UUID clientId) {
        return meetings.list("tenantId = ?1 and clientId = ?2 and status = ?3 and scheduledFor > ?4 order by scheduledFor, id",
                        context.tenantId(), clientId, MeetingEntity.SCHEDULED, now())
                .chain(future -> CadenceService.chain(future.stream()
                        .map(m -> applyCancel(context, m, "CLIENT_CHURNED").replaceWithVoid()).toList()));
    }

    Uni<MeetingEntity> applyCancel(EventContext context, MeetingEntity m, String reason) {
        m.status = MeetingEntity.CANCELLED;
        m.cancelReason = reason;
        m.updatedAt = now();
        return outbox.append(MeetingEvents.cancelled(m), context).replaceWith(m);
    }

    @WithTransaction
    public Uni<MeetingWithDecisions> get(UUID tenantId, UUID meetingId) {
        return meeting(tenantId, meetingId).chain(m -> decisions.ofMeeting(tenantId, m.id)
                .map(list -> new MeetingWithDecisions(m, list)));
    }

    @WithTransaction
    public Uni<List<MeetingEntity>> page(UUID tenantId, UUID clientId, Instant from, Instant to, String status,
                                         String type, UUID owner, Boolean confirmed, UUID after, int limit) {
        Uni<Void> check = clientId == null ? Uni.createFrom().voidItem() : client(tenantId, clientId).replaceWithVoid();
        return check.chain(() -> meetings.page(tenantId, clientId, from, to, status, type, owner, confirmed, after, limit));
    }

    @WithTransaction
    public Uni<List<DecisionEntity>> decisionLog(UUID tenantId, UUID clientId, String outcome, Boolean gate, UUID after,
                                                 int limit) {
        return decisions.page(tenantId, clientId, outcome, gate, after, limit);
    }

    private Uni<ClientViewEntity> client(UUID tenantId, UUID clientId) {
        return clients.findClient(tenantId, clientId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Client " + clientId));
    }

    private Uni<MeetingEntity> meeting(UUID tenantId, UUID meetingId) {
        return meetings.findInTenant(tenantId, meetingId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Meeting " + meetingId));
    }

    private static void requireStatus(MeetingEntity m, String status) {
        if (!status.equals(m.status)) {
            throw new ProblemException(409, "invalid-transition", "Invalid transition",
                    "The meeting is " + m.status + ", not " + status, List.of());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
