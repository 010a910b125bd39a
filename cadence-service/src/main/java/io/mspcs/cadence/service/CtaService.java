package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.CtaNotice;
import io.mspcs.cadence.domain.AskedMeetingRule;
import io.mspcs.cadence.domain.CadenceMissRules;
import io.mspcs.cadence.domain.ClearingDecision;
import io.mspcs.cadence.domain.CtaReason;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.cadence.repository.TimerRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.CtaDeduplicationPolicy;
import io.mspcs.cadence.domain.CtaDraft;
import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.DmiDrop;
import io.mspcs.cadence.domain.DmiDropRule;
import io.mspcs.cadence.domain.TriggerRule;
import io.mspcs.cadence.domain.NotificationPolicy;
import io.mspcs.cadence.domain.OwnerResolver;
import io.mspcs.cadence.domain.Owners;
import io.mspcs.cadence.domain.ResolvedOwner;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.domain.WorkingCalendar;
import io.mspcs.cadence.messaging.CtaEvents;
import io.mspcs.cadence.messaging.HealthReaders;
import io.mspcs.cadence.repository.ClientOwnerRepository;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.CtaCauseEntity;
import io.mspcs.cadence.repository.CtaCauseRepository;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.MeetingEntity;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * CTAs raised and cleared by events. Handlers run inside the consumer's transaction (the event is marked processed
 * in it), so each effect and its outbox rows commit together, once.
 */
@ApplicationScoped
public class CtaService {

    /** The alert budget decides the opening's notification (cadence.md §5.7). */
    @jakarta.inject.Inject
    AlertService alerts;

    private final CtaRepository ctas;
    private final CtaCauseRepository causes;
    private final ClientViewRepository clients;
    private final ClientOwnerRepository owners;
    private final OutboxWriter outbox;
    private final TimerRepository timers;
    private final PlaybookService playbooks;
    private final TriggerRuleService triggerRules;
    private final Clock clock;
    // The tenant calendar belongs to the cadence policy (cadence.md §2.1), which does not exist yet: defaults.
    private final DmiDropRule dmiDropRule = new DmiDropRule(new SlaCalculator(WorkingCalendar.DEFAULT));

    public CtaService(CtaRepository ctas, CtaCauseRepository causes, ClientViewRepository clients,
                      ClientOwnerRepository owners, OutboxWriter outbox, TimerRepository timers,
                      PlaybookService playbooks, TriggerRuleService triggerRules, Clock clock) {
        this.triggerRules = triggerRules;
        this.timers = timers;
        this.playbooks = playbooks;
        this.ctas = ctas;
        this.causes = causes;
        this.clients = clients;
        this.owners = owners;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Rule AD-T9: open the client's DMI-drop CTA, or count a new drop on the open one. */
    public Uni<Void> onDmiDropped(EventEnvelope event) {
        DmiDrop drop = HealthReaders.DmiDropped.read(event);
        return triggerRules.current(event.tenantId(), DmiDropRule.RULE_ID).chain(rule ->
                rule.enabled() && DmiDropRule.fires(drop, rule.param(TriggerRule.MIN_DROP_POINTS))
                        ? onDmiDropped(event, drop, rule)
                        : Uni.createFrom().voidItem()); // DISABLED or BELOW_THRESHOLD
    }

    private Uni<Void> onDmiDropped(EventEnvelope event, DmiDrop drop, TriggerRule rule) {
        UUID tenantId = event.tenantId();
        String causeKey = DmiDropRule.causeKey(drop.snapshotId());
        return clients.findOrStub(tenantId, drop.clientId(), now()).chain(client -> {
            if (client.churned()) {
                return Uni.createFrom().voidItem();
            }
            Optional<Segment> segment = DmiDropRule.segmentFor(Segment.parse(client.segment), drop);
            return ctas.findOpen(tenantId, drop.clientId(), CtaKind.REMEDIATION, DmiDropRule.dedupeKey(drop.clientId()))
                    .chain(open -> causeKeysOf(tenantId, open).chain(keys ->
                            switch (CtaDeduplicationPolicy.decide(keys, causeKey)) {
                                case OPEN -> openForDrop(event, drop, segment, rule);
                                case UPDATE -> repeatDrop(event, open, drop, segment);
                                case DUPLICATE_CAUSE -> Uni.createFrom().voidItem();
                            }));
        });
    }

    /** A DMI back within tolerance of the first drop's reference closes the open AD-T9 CTA. */
    public Uni<Void> onDmiMeasured(EventEnvelope event) {
        HealthReaders.DmiMeasured measured = HealthReaders.DmiMeasured.read(event);
        UUID clientId = measured.clientId();
        return ctas.findOpen(event.tenantId(), clientId, CtaKind.REMEDIATION, DmiDropRule.dedupeKey(clientId))
                .chain(open -> {
                    if (open == null || DmiDropRule.clearing(open.referenceValue, open.newestCauseTime,
                            measured.dmi(), event.time()) != ClearingDecision.CLEARED) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = now();
                    open.close(CloseStatus.AUTO_CLOSED,
                            DmiDropRule.clearedReason(event.id(), measured.dmi(), open.referenceValue), now);
                    open.notification = NotificationPolicy.systemClosed();
                    return timers.voidAllOf(open.tenantId, open.id, now)
                            .chain(() -> outbox.append(CtaEvents.closed(open), EventContext.causedBy(event)))
                            .chain(() -> playbooks.endForCta(EventContext.causedBy(event), open));
                });
    }

    /**
     * After a newer owner map (cadence.md §5.6 step 3), every open CTA of the client is resolved again; those whose
     * owner changes are updated. No manual assignment exists yet, so none has to be protected from this.
     */
    public Uni<Void> reassignOpenCtas(EventEnvelope event, UUID clientId, Owners map) {
        return ctas.findOpenOfClient(event.tenantId(), clientId)
                .chain(open -> Multi.createFrom().iterable(open)
                        .onItem().transformToUniAndConcatenate(cta -> reassign(event, cta, map))
                        .collect().asList())
                .replaceWithVoid();
    }

    /** The escalation timers of a new CTA (cadence.md §5.5): first-action SLA and due date. */
    public Uni<Void> planSlaTimers(CtaEntity cta) {
        Instant now = now();
        return timers.plan(cta.tenantId, cta.clientId, TimerEntity.CTA_FIRST_ACTION, cta.id, cta.firstActionDueAt, now)
                .chain(() -> timers.plan(cta.tenantId, cta.clientId, TimerEntity.CTA_DUE, cta.id, cta.dueAt, now))
                .replaceWithVoid();
    }

    /**
     * A counting meeting closes the rebook CTAs of the lines it satisfied and, when strategic, the re-engage CTA
     * (cadence.md §4.2 T-MISS1, T-MISS2: CADENCE_RESTORED).
     */
    public Uni<Void> restoreCadence(EventContext context, UUID tenantId, UUID clientId, List<String> satisfiedTypes,
                                    boolean strategic, UUID meetingId) {
        return ctas.findOpenOfClient(tenantId, clientId).chain(open -> {
            List<Uni<Void>> closes = new ArrayList<>();
            for (CtaEntity cta : open) {
                boolean rebook = CadenceMissRules.T_MISS1.equals(cta.ruleId) && satisfiedTypes.contains(cta.meetingType);
                boolean reengage = strategic && CadenceMissRules.T_MISS2.equals(cta.ruleId);
                if (rebook || reengage) {
                    Map<String, Object> inputs = new LinkedHashMap<>();
                    inputs.put("meetingId", meetingId.toString());
                    closes.add(closeBySystem(context, cta, CloseStatus.AUTO_CLOSED, new CtaReason("CADENCE_RESTORED",
                            "A counting meeting restored the cadence", cta.ruleId, cta.ruleVersion, inputs)));
                }
            }
            return CadenceService.chain(closes);
        });
    }

    /** A counting meeting resolves the open lifecycle CTAs that asked for it (§4.2, §5.2): CLOSED DONE. */
    public Uni<Void> resolveByMeeting(EventContext context, MeetingEntity meeting) {
        return ctas.findOpenOfClient(meeting.tenantId, meeting.clientId).chain(open -> CadenceService.chain(open.stream()
                .filter(cta -> AskedMeetingRule.resolves(cta.kind, cta.ruleId, cta.meetingType, cta.slaStartAt,
                        cta.id.equals(meeting.ctaId), meeting.meetingType, meeting.heldAt))
                .map(cta -> closeBySystem(context, cta, CloseStatus.DONE,
                        AskedMeetingRule.doneReason(cta.ruleId, cta.ruleVersion, meeting.id, meeting.heldAt)))
                .toList()));
    }

    /** System closes notify nobody and end the CTA's timers. */
    public Uni<Void> closeBySystem(EventContext context, CtaEntity cta, CloseStatus how, CtaReason reason) {
        Instant now = now();
        cta.close(how, reason, now);
        cta.notification = NotificationPolicy.systemClosed();
        return timers.voidAllOf(cta.tenantId, cta.id, now)
                .chain(() -> outbox.append(CtaEvents.closed(cta), context))
                .chain(() -> playbooks.endForCta(context, cta));
    }

    private Uni<Void> openForDrop(EventEnvelope event, DmiDrop drop, Optional<Segment> segment, TriggerRule rule) {
        UUID tenantId = event.tenantId();
        return owners.ownersOf(tenantId, drop.clientId()).chain(map -> {
            CtaDraft draft = dmiDropRule.open(UUID.randomUUID(), drop, segment, map, now());
            CtaEntity cta = CtaEntity.open(tenantId, draft);
            cta.ruleVersion = rule.version(); // the tenant's version in force, not the built-in one
            return alerts.opened(cta).chain(() -> ctas.persist(cta))
                    .chain(() -> causes.persist(CtaCauseEntity.of(tenantId, cta.id, 1, draft.firstCause(), draft.openedAt())))
                    .chain(() -> outbox.append(CtaEvents.opened(cta), EventContext.causedBy(event)))
                    .chain(() -> playbooks.start(EventContext.causedBy(event), cta.clientId, cta.playbookKey, cta))
                    .chain(() -> planSlaTimers(cta));
        });
    }

    /** A new cause on the open CTA: appended, counted, inputs refreshed with the first reference kept. */
    private Uni<Void> repeatDrop(EventEnvelope event, CtaEntity cta, DmiDrop drop, Optional<Segment> segment) {
        Instant now = now();
        List<CtaEvents.Change> changes = new ArrayList<>();
        changes.add(new CtaEvents.Change("occurrences", cta.occurrences, cta.occurrences + 1));
        changes.add(new CtaEvents.Change("lastSeenAt", cta.lastSeenAt, now));
        cta.occurrences += 1;
        cta.lastSeenAt = now;
        cta.updatedAt = now;
        // A late, older drop joins the chain but does not overwrite the inputs of a newer one.
        if (!drop.time().isBefore(cta.newestCauseTime)) {
            cta.newestCauseTime = drop.time();
            Integer openedUnder = cta.ruleVersion;
            cta.setReason(DmiDropRule.repeatedReason(drop, cta.referenceValue, segment));
            cta.ruleVersion = openedUnder;
        }
        int seq = cta.occurrences;
        return causes.persist(CtaCauseEntity.of(event.tenantId(), cta.id, seq, DmiDropRule.cause(drop), now))
                .chain(() -> causes.trim(event.tenantId(), cta.id, seq))
                .chain(() -> outbox.append(CtaEvents.updated(cta, changes, NotificationPolicy.updated()),
                        EventContext.causedBy(event)))
                .chain(() -> alerts.changed(cta, NotificationPolicy.updated(), CtaNotice.UPDATED));
    }

    private Uni<Void> reassign(EventEnvelope event, CtaEntity cta, Owners map) {
        ResolvedOwner before = cta.owner();
        ResolvedOwner after = OwnerResolver.resolve(before.role(), map);
        if (after.equals(before)) {
            return Uni.createFrom().voidItem();
        }
        List<CtaEvents.Change> changes = new ArrayList<>();
        if (!Objects.equals(before.memberId(), after.memberId())) {
            changes.add(new CtaEvents.Change("ownerMemberId", before.memberId(), after.memberId()));
        }
        if (!Objects.equals(before.backupMemberId(), after.backupMemberId())) {
            changes.add(new CtaEvents.Change("backupMemberId", before.backupMemberId(), after.backupMemberId()));
        }
        if (before.resolution() != after.resolution()) {
            changes.add(new CtaEvents.Change("ownerResolution", before.resolution().name(), after.resolution().name()));
        }
        cta.setOwner(after);
        cta.updatedAt = now();
        cta.notification = NotificationPolicy.updated();
        return outbox.append(CtaEvents.updated(cta, changes, cta.notification), EventContext.causedBy(event))
                .chain(() -> alerts.changed(cta, cta.notification, CtaNotice.UPDATED));
    }

    private Uni<Optional<Set<String>>> causeKeysOf(UUID tenantId, CtaEntity open) {
        return open == null ? Uni.createFrom().item(Optional.empty())
                : causes.causeKeysOf(tenantId, open.id).map(Optional::of);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
