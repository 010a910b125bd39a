package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.CtaNotice;
import io.mspcs.cadence.domain.Cause;
import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.CtaDraft;
import io.mspcs.cadence.domain.CtaReason;
import io.mspcs.cadence.domain.CtaStatus;
import io.mspcs.cadence.domain.LineSpec;
import io.mspcs.cadence.domain.NotificationPolicy;
import io.mspcs.cadence.domain.Priority;
import io.mspcs.cadence.domain.RuleCta;
import io.mspcs.cadence.domain.WorkingCalendar;
import io.mspcs.cadence.messaging.CtaEvents;
import io.mspcs.cadence.messaging.MeetingEvents;
import io.mspcs.cadence.repository.ClientOwnerRepository;
import io.mspcs.cadence.repository.CtaCauseEntity;
import io.mspcs.cadence.repository.CtaCauseRepository;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.cadence.repository.MeetingEntity;
import io.mspcs.cadence.repository.MeetingRepository;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.cadence.repository.TimerRepository;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Opens, repeats and ends the CTAs of the catalogue rules built on {@link RuleCta} (cadence.md §4.2, §5): the CTA with
 * its first cause and {@code CtaOpened}, the rule's playbook run, the rule's meeting placeholder (unconfirmed, 10:00
 * local on the due date, §2.3) and the SLA timers, all in the caller's transaction; system closes also end the run
 * and cancel the CTA's future unconfirmed placeholders.
 */
@ApplicationScoped
public class RuleCtaService {

    /** The alert budget decides the opening's notification (cadence.md §5.7). */
    @jakarta.inject.Inject
    AlertService alerts;

    private static final LocalTime PLACEHOLDER_TIME = LocalTime.of(10, 0);

    private final CtaRepository ctas;
    private final CtaCauseRepository causes;
    private final ClientOwnerRepository owners;
    private final MeetingRepository meetings;
    private final TimerRepository timers;
    private final PolicyService policies;
    private final CadenceService cadence;
    private final CtaService ctaService;
    private final PlaybookService playbooks;
    private final OutboxWriter outbox;
    private final Clock clock;

    public RuleCtaService(CtaRepository ctas, CtaCauseRepository causes, ClientOwnerRepository owners,
                          MeetingRepository meetings, TimerRepository timers, PolicyService policies,
                          CadenceService cadence, CtaService ctaService, PlaybookService playbooks, OutboxWriter outbox,
                          Clock clock) {
        this.ctas = ctas;
        this.causes = causes;
        this.owners = owners;
        this.meetings = meetings;
        this.timers = timers;
        this.policies = policies;
        this.cadence = cadence;
        this.ctaService = ctaService;
        this.playbooks = playbooks;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens the rule's CTA with everything that goes with it; answers it. */
    public Uni<CtaEntity> open(EventContext context, UUID clientId, String segment, RuleCta rule, int ruleVersion,
                               Cause cause) {
        UUID tenantId = context.tenantId();
        Instant now = now();
        return policies.ensure(tenantId).chain(versioned -> owners.ownersOf(tenantId, clientId).chain(map -> {
            CtaDraft draft = rule.draft(UUID.randomUUID(), clientId, ruleVersion, map,
                    versioned.policy().csLeaderMemberId(), now, cause);
            CtaEntity cta = CtaEntity.open(tenantId, draft);
            cta.meetingType = rule.meetingType();
            return alerts.opened(cta).chain(() -> ctas.persist(cta))
                    .chain(() -> causes.persist(CtaCauseEntity.of(tenantId, cta.id, 1, cause, now)))
                    .chain(() -> outbox.append(CtaEvents.opened(cta), context))
                    .chain(() -> cta.playbookKey == null ? Uni.createFrom().voidItem()
                            : playbooks.start(context, clientId, cta.playbookKey, cta).replaceWithVoid())
                    .chain(() -> rule.meetingType() == null ? Uni.createFrom().voidItem()
                            : placeholder(context, cta, segment, versioned))
                    .chain(() -> slaTimers(cta, now))
                    .replaceWith(cta);
        }));
    }

    /**
     * A repeat on an open CTA (§5.3): a known cause is a duplicate; a new one is appended and counted, with an
     * optional priority raise (T-PROP60). Snoozed CTAs count silently. Answers whether anything changed.
     */
    public Uni<Boolean> repeat(EventContext context, CtaEntity cta, Cause cause, Optional<Priority> raiseTo) {
        return repeat(context, cta, cause, raiseTo, changes -> { });
    }

    /** As {@link #repeat(EventContext, CtaEntity, Cause, Optional)}; {@code more} adds rule-specific changes. */
    public Uni<Boolean> repeat(EventContext context, CtaEntity cta, Cause cause, Optional<Priority> raiseTo,
                               Consumer<List<CtaEvents.Change>> more) {
        Instant now = now();
        return causes.causeKeysOf(cta.tenantId, cta.id).chain(keys -> {
            if (keys.contains(cause.causeKey())) {
                return Uni.createFrom().item(false); // DUPLICATE_CAUSE
            }
            List<CtaEvents.Change> changes = new ArrayList<>();
            changes.add(new CtaEvents.Change("occurrences", cta.occurrences, cta.occurrences + 1));
            changes.add(new CtaEvents.Change("lastSeenAt", cta.lastSeenAt, now));
            cta.occurrences += 1;
            cta.lastSeenAt = now;
            cta.updatedAt = now;
            if (cause.time().isAfter(cta.newestCauseTime)) {
                cta.newestCauseTime = cause.time();
            }
            raiseTo.filter(p -> p.compareTo(cta.priority) > 0).ifPresent(p -> {
                changes.add(new CtaEvents.Change("priority", cta.priority.name(), p.name()));
                cta.priority = p;
            });
            more.accept(changes);
            int seq = cta.occurrences;
            Uni<Boolean> stored = causes.persist(CtaCauseEntity.of(cta.tenantId, cta.id, seq, cause, now))
                    .chain(() -> causes.trim(cta.tenantId, cta.id, seq)).replaceWith(true);
            if (cta.status == CtaStatus.SNOOZED) {
                return stored; // SUPPRESSED_SNOOZED: shown at the wake
            }
            cta.notification = NotificationPolicy.updated();
            return stored.call(() -> outbox.append(CtaEvents.updated(cta, changes, cta.notification), context)
                    .chain(() -> alerts.changed(cta, cta.notification, CtaNotice.UPDATED)));
        });
    }

    /** A system close (AUTO_CLOSED, SUPERSEDED, DONE, CANCELLED): run ended, timers void, placeholders cancelled. */
    public Uni<Void> close(EventContext context, CtaEntity cta, CloseStatus how, String code, String text,
                           Map<String, Object> inputs) {
        Instant now = now();
        return ctaService.closeBySystem(context, cta, how,
                        new CtaReason(code, text, cta.ruleId, cta.ruleVersion, new LinkedHashMap<>(inputs)))
                .chain(() -> meetings.list("tenantId = ?1 and ctaId = ?2 and status = ?3 and confirmed = false "
                        + "and scheduledFor > ?4", cta.tenantId, cta.id, MeetingEntity.SCHEDULED, now))
                .chain(future -> CadenceService.chain(future.stream().map(m -> {
                    m.status = MeetingEntity.CANCELLED;
                    m.cancelReason = "CONDITION_CLEARED";
                    m.updatedAt = now;
                    return outbox.append(MeetingEvents.cancelled(m), context).replaceWithVoid();
                }).toList()));
    }

    /** Closes as SUPERSEDED by {@code supersededBy} (a CTA id, or the event that changed the date). */
    public Uni<Void> supersede(EventContext context, CtaEntity cta, String supersededBy, String text) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("supersededBy", supersededBy);
        return close(context, cta, CloseStatus.SUPERSEDED, "SUPERSEDED", text, inputs);
    }

    /** The open CTAs of a client whose rule is one of {@code ruleIds}. */
    public Uni<List<CtaEntity>> openOfRule(UUID tenantId, UUID clientId, String ruleId) {
        return ctas.findOpenOfClient(tenantId, clientId)
                .map(open -> open.stream().filter(c -> ruleId.equals(c.ruleId)).toList());
    }

    /**
     * The meeting the CTA asks for, as an unconfirmed placeholder linked to it ({@code ctaId}): 10:00 local on the
     * due date (the previous working day when that is not one), so holding it is the counting meeting that resolves
     * the CTA. Also used by T-ASMT (RoadmapRuleService), which opens its CTA outside {@link #open}.
     */
    Uni<Void> placeholder(EventContext context, CtaEntity cta, String segment, PolicyService.Versioned versioned) {
        WorkingCalendar calendar = versioned.policy().calendar();
        LocalDate day = cta.dueAt.atZone(calendar.zone()).toLocalDate();
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1); // the previous working day, as policy placeholders do
        }
        Optional<LineSpec> line = versioned.policy().line(segment, cta.meetingType);
        Instant now = now();
        MeetingEntity m = new MeetingEntity();
        m.id = UUID.randomUUID();
        m.tenantId = cta.tenantId;
        m.clientId = cta.clientId;
        m.meetingType = cta.meetingType;
        m.title = cta.meetingType.replace('_', ' ');
        m.strategic = versioned.policy().strategic(cta.meetingType);
        m.format = line.map(LineSpec::format).orElse("FULL_LIVE");
        m.scheduledFor = day.atTime(PLACEHOLDER_TIME).atZone(calendar.zone()).toInstant();
        m.durationMinutes = line.map(LineSpec::minutes).orElse(30);
        m.confirmed = false;
        m.ownerRole = cta.ownerRole.name();
        m.ownerMemberId = cta.ownerMemberId;
        m.source = "POLICY";
        m.status = MeetingEntity.SCHEDULED;
        m.counts = false;
        m.ctaId = cta.id;
        m.createdAt = now;
        m.updatedAt = now;
        return cadence.openSlotFor(cta.tenantId, cta.clientId, m.meetingType).chain(slot -> {
            m.cadenceSlotId = slot.map(s -> s.id).orElse(null);
            return meetings.persist(m);
        }).chain(saved -> outbox.append(MeetingEvents.scheduled(saved, null), context)).replaceWithVoid();
    }

    /** First-action and due escalations; a rule without a first-action SLA (due together) escalates once. */
    private Uni<Void> slaTimers(CtaEntity cta, Instant now) {
        if (cta.firstActionDueAt.equals(cta.dueAt)) {
            return timers.plan(cta.tenantId, cta.clientId, TimerEntity.CTA_DUE, cta.id, cta.dueAt, now).replaceWithVoid();
        }
        return ctaService.planSlaTimers(cta);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
