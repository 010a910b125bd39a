package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.AskedMeetingRule;
import io.mspcs.cadence.domain.CtaDraft;
import io.mspcs.cadence.domain.LifecycleRule;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.messaging.CtaEvents;
import io.mspcs.cadence.messaging.RoadmapReaders;
import io.mspcs.cadence.repository.ClientOwnerRepository;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.CtaCauseEntity;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaCauseRepository;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Roadmap-driven rules T-ASMT and T-INIT (cadence.md §4.2). Runs in the consumer's transaction. The dedupe key holds
 * the assessment or initiative id, so the same fact under a new event id opens nothing. T-ASMT also schedules its
 * ROADMAP_REVIEW placeholder on the due date, linked to the CTA, so holding it closes the CTA DONE.
 */
@ApplicationScoped
public class RoadmapRuleService {

    /** The alert budget decides the opening's notification (cadence.md §5.7). */
    @jakarta.inject.Inject
    AlertService alerts;

    /** T-ASMT's ROADMAP_REVIEW placeholder (§4.2 "ROADMAP_REVIEW at +10 d"), made like the other rules' placeholders. */
    @jakarta.inject.Inject
    RuleCtaService ruleCtas;

    private final CtaRepository ctas;
    private final CtaCauseRepository causes;
    private final ClientViewRepository clients;
    private final ClientOwnerRepository owners;
    private final PolicyService policies;
    private final TriggerRuleService triggerRules;
    private final CtaService ctaService;
    private final PlaybookService playbooks;
    private final OutboxWriter outbox;
    private final Clock clock;

    public RoadmapRuleService(CtaRepository ctas, CtaCauseRepository causes, ClientViewRepository clients,
                              ClientOwnerRepository owners, PolicyService policies, TriggerRuleService triggerRules,
                              CtaService ctaService, PlaybookService playbooks, OutboxWriter outbox, Clock clock) {
        this.ctas = ctas;
        this.causes = causes;
        this.clients = clients;
        this.owners = owners;
        this.policies = policies;
        this.triggerRules = triggerRules;
        this.ctaService = ctaService;
        this.playbooks = playbooks;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> onAssessmentCompleted(EventEnvelope event) {
        return fire(event, RoadmapReaders.assessmentCompleted(event));
    }

    public Uni<Void> onInitiativeApproved(EventEnvelope event) {
        return fire(event, RoadmapReaders.initiativeApproved(event));
    }

    private Uni<Void> fire(EventEnvelope event, LifecycleRule.Trigger trigger) {
        UUID tenantId = event.tenantId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String dedupeKey = LifecycleRule.dedupeKey(trigger);
        return triggerRules.current(tenantId, trigger.ruleId()).chain(rule -> !rule.enabled()
                ? Uni.createFrom().voidItem() // DISABLED
                : clients.findOrStub(tenantId, trigger.clientId(), now).chain(client -> client.churned()
                ? Uni.createFrom().voidItem() // CLIENT_CHURNED
                : ctas.anyWithKey(tenantId, trigger.clientId(), dedupeKey).chain(seen -> seen
                ? Uni.createFrom().voidItem() // DUPLICATE_CAUSE
                : policies.ensure(tenantId).chain(versioned -> owners.ownersOf(tenantId, trigger.clientId())
                .chain(map -> {
                    CtaDraft draft = LifecycleRule.draft(UUID.randomUUID(), trigger, rule.version(),
                            Segment.parse(client.segment), map, versioned.policy().csLeaderMemberId(),
                            new SlaCalculator(versioned.policy().calendar()), now);
                    CtaEntity cta = CtaEntity.open(tenantId, draft);
                    cta.meetingType = AskedMeetingRule.meetingOf(trigger.ruleId());
                    return alerts.opened(cta).chain(() -> ctas.persist(cta))
                            .chain(() -> causes.persist(CtaCauseEntity.of(tenantId, cta.id, 1, draft.firstCause(), now)))
                            .chain(() -> outbox.append(CtaEvents.opened(cta), EventContext.causedBy(event)))
                            .chain(() -> cta.meetingType == null ? Uni.createFrom().voidItem()
                                    : ruleCtas.placeholder(EventContext.causedBy(event), cta, client.segment, versioned))
                            .chain(() -> cta.playbookKey == null ? Uni.createFrom().voidItem()
                                    : playbooks.start(EventContext.causedBy(event), cta.clientId, cta.playbookKey, cta)
                                    .replaceWithVoid())
                            .chain(() -> ctaService.planSlaTimers(cta));
                })))));
    }
}
