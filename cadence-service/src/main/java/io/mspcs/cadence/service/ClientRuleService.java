package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.CadenceMissRules;
import io.mspcs.cadence.domain.Cause;
import io.mspcs.cadence.domain.ClientLifecycleRule;
import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.RuleCta;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.repository.ClientViewEntity;
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

/**
 * The rules segmentation's client facts drive (cadence.md §4.2, §7.2): T-NEW on registration, the date triggers on
 * every registry change, churn (future meetings, open CTAs and runs CANCELLED CLIENT_CHURNED), and on a segment change T-MISS3's auto-close
 * and T-SEG (superseding the client's other T-SEG). Called by the read model after it applied a newer fact, inside
 * the consumer's transaction.
 */
@ApplicationScoped
public class ClientRuleService {

    private final CtaRepository ctas;
    private final PolicyService policies;
    private final TriggerRuleService triggerRules;
    private final RuleCtaService ruleCtas;
    private final DateTriggerService dates;
    private final MeetingService meetings;
    private final PlaybookService playbooks;
    private final Clock clock;

    public ClientRuleService(CtaRepository ctas, PolicyService policies, TriggerRuleService triggerRules,
                             RuleCtaService ruleCtas, DateTriggerService dates, MeetingService meetings,
                             PlaybookService playbooks, Clock clock) {
        this.meetings = meetings;
        this.playbooks = playbooks;
        this.ctas = ctas;
        this.policies = policies;
        this.triggerRules = triggerRules;
        this.ruleCtas = ruleCtas;
        this.dates = dates;
        this.clock = clock;
    }

    /** {@code ClientRegistered}: onboarding for a new client, then its date triggers. */
    public Uni<Void> onRegistered(EventEnvelope event, ClientViewEntity client) {
        return onboarding(event, client).chain(() -> dates.replan(EventContext.causedBy(event), event.id(),
                event.type(), client));
    }

    /**
     * {@code ClientUpdated}: a churn cancels the future meetings, the open CTAs and the runs left (its lines already
     * ended with their slots and timers); every change re-plans the date triggers.
     */
    public Uni<Void> onUpdated(EventEnvelope event, ClientViewEntity client, boolean churnedNow) {
        EventContext context = EventContext.causedBy(event);
        // Meetings first: a CTA close would cancel its own placeholders as CONDITION_CLEARED instead.
        Uni<Void> churn = churnedNow ? meetings.cancelFutureOfChurned(context, client.clientId)
                .chain(() -> cancelOpenCtas(event, client))
                .chain(() -> playbooks.cancelActiveOfChurned(context, client.clientId))
                : Uni.createFrom().voidItem();
        return churn.chain(() -> dates.replan(EventContext.causedBy(event), event.id(), event.type(), client));
    }

    /** A newer {@code SegmentChanged}: the cadence review is answered, and the engagement play restarts. */
    public Uni<Void> onSegmentChanged(EventEnvelope event, ClientViewEntity client, String from, String to) {
        if (client.churned()) {
            return Uni.createFrom().voidItem();
        }
        EventContext context = EventContext.causedBy(event);
        return ruleCtas.openOfRule(client.tenantId, client.clientId, CadenceMissRules.T_MISS3)
                .chain(reviews -> CadenceService.chain(reviews.stream().map(review -> ruleCtas.close(context, review,
                        CloseStatus.AUTO_CLOSED, "SEGMENT_CHANGED", "The segment changed " + from + " → " + to,
                        clearing(event, "to", to))).toList()))
                .chain(() -> segmentChanged(event, client, from, to));
    }

    private Uni<Void> onboarding(EventEnvelope event, ClientViewEntity client) {
        if (client.churned()) {
            return Uni.createFrom().voidItem();
        }
        return triggerRules.current(client.tenantId, ClientLifecycleRule.T_NEW).chain(rule -> !rule.enabled()
                ? Uni.createFrom().voidItem() // DISABLED
                : policies.version(client.tenantId, 1).chain(first -> policies.ensure(client.tenantId).chain(versioned -> {
                    // autoStartAfter = tenant first seen (policy v1) + the import window (§2.1, §10.12).
                    Instant autoStartAfter = first.publishedAt()
                            .plus(versioned.policy().onboardingImportWindowDays(), ChronoUnit.DAYS);
                    if (!ClientLifecycleRule.onboards(client.status, client.registeredAt, autoStartAfter)) {
                        return Uni.createFrom().voidItem();
                    }
                    String segment = client.segment != null ? client.segment : versioned.policy().provisionalSegment();
                    RuleCta cta = ClientLifecycleRule.onboarding(client.clientId, Segment.parse(segment).orElse(Segment.C),
                            client.registeredAt, SlaCalculator.slaStartAt(now()),
                            new SlaCalculator(versioned.policy().calendar()));
                    return ctas.anyWithKey(client.tenantId, client.clientId, cta.dedupeKey()).chain(seen -> seen
                            ? Uni.createFrom().voidItem() // onboarding happens once
                            : ruleCtas.open(EventContext.causedBy(event), client.clientId, segment, cta, rule.version(),
                            cause(event, "registered:" + client.clientId, "Client registered")).replaceWithVoid());
                })));
    }

    private Uni<Void> segmentChanged(EventEnvelope event, ClientViewEntity client, String from, String to) {
        Optional<Segment> target = Segment.parse(to);
        if (target.isEmpty() || client.status == null) {
            return Uni.createFrom().voidItem(); // a stub the registry has not confirmed yet engages nobody (§7.3.5)
        }
        EventContext context = EventContext.causedBy(event);
        return triggerRules.current(client.tenantId, ClientLifecycleRule.T_SEG).chain(rule -> !rule.enabled()
                ? Uni.createFrom().voidItem() // DISABLED
                : ruleCtas.openOfRule(client.tenantId, client.clientId, ClientLifecycleRule.T_NEW).chain(onboarding ->
                !onboarding.isEmpty() ? Uni.createFrom().voidItem() // onboarding owns the first weeks
                : policies.ensure(client.tenantId).chain(versioned -> {
                    RuleCta cta = ClientLifecycleRule.segmentChanged(client.clientId, from, target.get(),
                            SlaCalculator.slaStartAt(now()), new SlaCalculator(versioned.policy().calendar()));
                    return ruleCtas.openOfRule(client.tenantId, client.clientId, ClientLifecycleRule.T_SEG)
                            .chain(open -> {
                                if (open.stream().anyMatch(c -> c.dedupeKey.equals(cta.dedupeKey()))) {
                                    return Uni.createFrom().voidItem(); // already engaging for this segment
                                }
                                return ruleCtas.open(context, client.clientId, to, cta, rule.version(),
                                                cause(event, "segment:" + to + ":" + event.time(), "Segment → " + to))
                                        .chain(opened -> supersede(context, open, opened));
                            });
                })));
    }

    private Uni<Void> supersede(EventContext context, List<CtaEntity> older, CtaEntity by) {
        return CadenceService.chain(older.stream().map(c -> ruleCtas.supersede(context, c, by.id.toString(),
                "The segment changed again")).toList());
    }

    private Uni<Void> cancelOpenCtas(EventEnvelope event, ClientViewEntity client) {
        EventContext context = EventContext.causedBy(event);
        return ctas.findOpenOfClient(client.tenantId, client.clientId).chain(open -> CadenceService.chain(open.stream()
                .map(c -> ruleCtas.close(context, c, CloseStatus.CANCELLED, "CLIENT_CHURNED", "The client churned",
                        clearing(event, "status", "CHURNED"))).toList()));
    }

    private static Map<String, Object> clearing(EventEnvelope event, String key, String value) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("clearingEventId", event.id().toString());
        inputs.put(key, value);
        return inputs;
    }

    private static Cause cause(EventEnvelope event, String causeKey, String summary) {
        return new Cause(event.id(), event.type(), event.time(), causeKey, event.correlationId(), summary);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
