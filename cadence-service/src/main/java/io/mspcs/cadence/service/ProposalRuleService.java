package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.Cause;
import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.Priority;
import io.mspcs.cadence.domain.ProposalRule;
import io.mspcs.cadence.domain.RuleCta;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.domain.TriggerRule;
import io.mspcs.cadence.messaging.RoadmapReaders;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.ConditionStateRepository;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rules T-PROP15, T-PROP30 and T-PROP60 on {@code ProposalAging}, and their auto-close on {@code ProposalAccepted},
 * {@code ProposalDeclined} or {@code ProposalClosed} (cadence.md §4.2, §5.4). The proposal is a condition
 * ({@code PROPOSAL:{proposalId}}): a decision arriving before an older aging leaves a tombstone, so the late aging
 * opens nothing. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class ProposalRuleService {

    private final CtaRepository ctas;
    private final ClientViewRepository clients;
    private final ConditionStateRepository conditions;
    private final PolicyService policies;
    private final TriggerRuleService triggerRules;
    private final RuleCtaService ruleCtas;
    private final Clock clock;

    public ProposalRuleService(CtaRepository ctas, ClientViewRepository clients, ConditionStateRepository conditions,
                               PolicyService policies, TriggerRuleService triggerRules, RuleCtaService ruleCtas,
                               Clock clock) {
        this.ctas = ctas;
        this.clients = clients;
        this.conditions = conditions;
        this.policies = policies;
        this.triggerRules = triggerRules;
        this.ruleCtas = ruleCtas;
        this.clock = clock;
    }

    public Uni<Void> onProposalAging(EventEnvelope event) {
        ProposalRule.Aging aging = RoadmapReaders.proposalAging(event);
        Optional<String> ruleId = ProposalRule.ruleFor(aging.bucket());
        if (ruleId.isEmpty()) {
            return Uni.createFrom().voidItem(); // a bucket this version does not know
        }
        UUID tenantId = event.tenantId();
        Instant now = now();
        return triggerRules.current(tenantId, ruleId.get()).chain(rule -> !rule.enabled()
                ? Uni.createFrom().voidItem() // DISABLED
                : conditions.record(tenantId, aging.clientId(), ProposalRule.conditionKey(aging.proposalId()),
                HealthRuleService.ACTIVE, event.time(), event.id(), now).chain(applied -> !applied.applied()
                ? Uni.createFrom().voidItem() // STALE or ALREADY_CLEARED
                : clients.findOrStub(tenantId, aging.clientId(), now).chain(client -> client.churned()
                ? Uni.createFrom().voidItem() // CLIENT_CHURNED
                : apply(event, aging, rule, client.segment))));
    }

    /** The proposal was decided: tombstone it and close its open T-PROP CTAs. */
    public Uni<Void> onProposalEnded(EventEnvelope event) {
        RoadmapReaders.ProposalEnded ended = RoadmapReaders.proposalEnded(event);
        UUID tenantId = event.tenantId();
        return conditions.record(tenantId, ended.clientId(), ProposalRule.conditionKey(ended.proposalId()),
                HealthRuleService.CLEARED, event.time(), event.id(), now()).chain(applied -> !applied.applied()
                ? Uni.createFrom().voidItem()
                : ctas.findOpenOfClient(tenantId, ended.clientId()).chain(open -> {
                    List<String> keys = List.of(
                            ProposalRule.dedupeKey(ended.clientId(), ProposalRule.T_PROP15, ended.proposalId()),
                            ProposalRule.dedupeKey(ended.clientId(), ProposalRule.T_PROP30, ended.proposalId()));
                    Map<String, Object> inputs = new LinkedHashMap<>();
                    inputs.put("clearingEventId", event.id().toString());
                    inputs.put("proposalId", ended.proposalId().toString());
                    inputs.put("decision", event.type());
                    return CadenceService.chain(open.stream().filter(c -> keys.contains(c.dedupeKey))
                            .map(c -> ruleCtas.close(EventContext.causedBy(event), c, CloseStatus.AUTO_CLOSED,
                                    "CONDITION_CLEARED", "The proposal was decided", inputs)).toList());
                }));
    }

    private Uni<Void> apply(EventEnvelope event, ProposalRule.Aging aging, TriggerRule rule, String segment) {
        UUID tenantId = event.tenantId();
        EventContext context = EventContext.causedBy(event);
        Cause cause = new Cause(event.id(), event.type(), event.time(), ProposalRule.causeKey(aging),
                event.correlationId(), aging.title() + ": " + aging.ageDays() + " days without a decision");
        String stale = ProposalRule.dedupeKey(aging.clientId(), ProposalRule.T_PROP30, aging.proposalId());
        return switch (rule.ruleId()) {
            // OVER_60: no new CTA; the open stale one counts again and turns HIGH.
            case ProposalRule.T_PROP60 -> ctas.findOpen(tenantId, aging.clientId(), CtaKind.ENGAGEMENT, stale)
                    .chain(open -> open == null ? Uni.createFrom().voidItem()
                            : ruleCtas.repeat(context, open, cause, Optional.of(Priority.HIGH)).replaceWithVoid());
            case ProposalRule.T_PROP30 -> ctas.findOpen(tenantId, aging.clientId(), CtaKind.ENGAGEMENT, stale)
                    .chain(open -> open != null
                            ? ruleCtas.repeat(context, open, cause, Optional.empty()).replaceWithVoid()
                            : openCta(context, aging, rule, segment, cause).chain(cta -> supersedeFollowUp(context, aging, cta)));
            default -> ctas.findOpen(tenantId, aging.clientId(), CtaKind.ENGAGEMENT, stale).chain(staleOpen -> {
                String key = ProposalRule.dedupeKey(aging.clientId(), ProposalRule.T_PROP15, aging.proposalId());
                if (staleOpen != null) {
                    return Uni.createFrom().voidItem(); // a late 15-day bucket after the stale CTA opened
                }
                return ctas.findOpen(tenantId, aging.clientId(), CtaKind.ACTIVITY, key).chain(open -> open != null
                        ? ruleCtas.repeat(context, open, cause, Optional.empty()).replaceWithVoid()
                        : openCta(context, aging, rule, segment, cause).replaceWithVoid());
            });
        };
    }

    private Uni<CtaEntity> openCta(EventContext context, ProposalRule.Aging aging, TriggerRule rule, String segment,
                                   Cause cause) {
        String key = ProposalRule.dedupeKey(aging.clientId(), rule.ruleId(), aging.proposalId());
        return ctas.suppressed(context.tenantId(), aging.clientId(), key, now()).chain(suppressed -> suppressed
                ? Uni.createFrom().nullItem() // SUPPRESSED_DISMISSED
                : policies.ensure(context.tenantId()).chain(versioned -> {
                    RuleCta cta = ProposalRule.cta(rule.ruleId(), aging, SlaCalculator.slaStartAt(now()),
                            new SlaCalculator(versioned.policy().calendar()));
                    return ruleCtas.open(context, aging.clientId(),
                            segment != null ? segment : versioned.policy().provisionalSegment(), cta, rule.version(), cause);
                }));
    }

    /** T-PROP30 supersedes the proposal's open follow-up. */
    private Uni<Void> supersedeFollowUp(EventContext context, ProposalRule.Aging aging, CtaEntity stale) {
        if (stale == null) {
            return Uni.createFrom().voidItem();
        }
        String key = ProposalRule.dedupeKey(aging.clientId(), ProposalRule.T_PROP15, aging.proposalId());
        return ctas.findOpen(context.tenantId(), aging.clientId(), CtaKind.ACTIVITY, key).chain(open -> open == null
                ? Uni.createFrom().voidItem()
                : ruleCtas.supersede(context, open, stale.id.toString(), "The proposal is stale: T-PROP30 took over"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
