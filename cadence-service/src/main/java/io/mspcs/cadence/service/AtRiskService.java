package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.AtRiskRule;
import io.mspcs.cadence.domain.Cause;
import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.messaging.HealthReaders;
import io.mspcs.cadence.repository.ClientViewEntity;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.cadence.repository.TimerRepository;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rule AR-RED (cadence.md §4.2, §7.2): composite health RED opens or repeats the client's AT_RISK CTA; while it is
 * open, a composite at or above the pre-red colour starts a 30-day exit timer, anything below it (a new RED
 * included) voids the timer, and the timer firing closes the CTA BASELINE_SUSTAINED. The composite colour moves only
 * on a newer event (older ones are STALE). Runs in the consumer's transaction or the rule-timer sweep's.
 */
@ApplicationScoped
public class AtRiskService {

    public static final String EXIT_TIMER = "AR_RED_EXIT";

    private final ClientViewRepository clients;
    private final CtaRepository ctas;
    private final TimerRepository timers;
    private final PolicyService policies;
    private final TriggerRuleService triggerRules;
    private final RuleCtaService ruleCtas;
    private final Clock clock;

    public AtRiskService(ClientViewRepository clients, CtaRepository ctas, TimerRepository timers,
                         PolicyService policies, TriggerRuleService triggerRules, RuleCtaService ruleCtas, Clock clock) {
        this.clients = clients;
        this.ctas = ctas;
        this.timers = timers;
        this.policies = policies;
        this.triggerRules = triggerRules;
        this.ruleCtas = ruleCtas;
        this.clock = clock;
    }

    /** {@code HealthColorChanged}: only the COMPOSITE dimension is AR-RED's (HealthRuleService has the others). */
    public Uni<Void> onColorChanged(EventEnvelope event) {
        HealthReaders.ColorChange change = HealthReaders.ColorChange.read(event);
        if (!"COMPOSITE".equals(change.dimension())) {
            return Uni.createFrom().voidItem();
        }
        Instant now = now();
        return clients.findOrStub(event.tenantId(), change.clientId(), now).chain(client -> {
            if (client.compositeColorTime != null && !event.time().isAfter(client.compositeColorTime)) {
                return Uni.createFrom().voidItem(); // STALE
            }
            client.compositeColor = change.color();
            client.compositeColorTime = event.time();
            client.updatedAt = now;
            if (client.churned()) {
                return Uni.createFrom().voidItem(); // CLIENT_CHURNED
            }
            String dedupeKey = AtRiskRule.dedupeKey(change.clientId());
            return ctas.findOpen(event.tenantId(), change.clientId(), CtaKind.AT_RISK, dedupeKey).chain(open -> {
                if ("RED".equals(change.color())) {
                    return open != null ? repeat(event, open, change) : open(event, client, change, dedupeKey);
                }
                return open == null ? Uni.createFrom().voidItem() : towardsBaseline(event, open, change.color());
            });
        });
    }

    /** The exit timer fired: still open and still at the baseline → BASELINE_SUSTAINED. */
    public Uni<Void> fireExit(TimerEntity timer) {
        return ctas.findInTenant(timer.tenantId, timer.subjectId).chain(cta -> {
            if (cta == null || cta.status == io.mspcs.cadence.domain.CtaStatus.CLOSED) {
                return Uni.createFrom().voidItem();
            }
            String baseline = baselineOf(cta);
            return clients.findClient(timer.tenantId, cta.clientId).chain(client -> {
                if (client == null || !AtRiskRule.atOrAbove(client.compositeColor, baseline)) {
                    return Uni.createFrom().voidItem();
                }
                Map<String, Object> inputs = new LinkedHashMap<>(AtRiskRule.sustainedReason(timer.id, baseline,
                        timer.fireAt.minus(AtRiskRule.SUSTAIN), cta.ruleVersion).inputs());
                return ruleCtas.close(new EventContext(timer.tenantId, "timer:" + timer.id, null), cta,
                        CloseStatus.AUTO_CLOSED, "BASELINE_SUSTAINED",
                        "Composite health held " + baseline + " for 30 days", inputs);
            });
        });
    }

    private Uni<Void> open(EventEnvelope event, ClientViewEntity client, HealthReaders.ColorChange change,
                           String dedupeKey) {
        UUID tenantId = event.tenantId();
        return triggerRules.current(tenantId, AtRiskRule.RULE_ID).chain(rule -> !rule.enabled()
                ? Uni.createFrom().voidItem() // DISABLED
                : ctas.suppressed(tenantId, change.clientId(), dedupeKey, now()).chain(suppressed -> suppressed
                ? Uni.createFrom().voidItem() // SUPPRESSED_DISMISSED
                : policies.ensure(tenantId).chain(versioned -> {
                    Optional<Segment> segment = Segment.parse(client.segment);
                    var cta = AtRiskRule.cta(change.clientId(), segment, client.mrrBand, change.previousColor(),
                            SlaCalculator.slaStartAt(now()), new SlaCalculator(versioned.policy().calendar()));
                    String effective = client.segment != null ? client.segment : versioned.policy().provisionalSegment();
                    return ruleCtas.open(EventContext.causedBy(event), change.clientId(), effective, cta,
                            rule.version(), cause(event, change)).replaceWithVoid();
                })));
    }

    /** Another RED while open: counted on the CTA, and the 30 days start again. */
    private Uni<Void> repeat(EventEnvelope event, CtaEntity open, HealthReaders.ColorChange change) {
        return timers.voidPending(open.tenantId, open.id, EXIT_TIMER, now())
                .chain(() -> ruleCtas.repeat(EventContext.causedBy(event), open, cause(event, change), Optional.empty()))
                .replaceWithVoid();
    }

    private Uni<Void> towardsBaseline(EventEnvelope event, CtaEntity open, String color) {
        Instant now = now();
        if (!AtRiskRule.atOrAbove(color, baselineOf(open))) {
            return timers.voidPending(open.tenantId, open.id, EXIT_TIMER, now).replaceWithVoid();
        }
        // Already on its way (e.g. YELLOW then GREEN over a YELLOW baseline): the running 30 days stand.
        return timers.count("tenantId = ?1 and subjectId = ?2 and kind = ?3 and state = ?4", open.tenantId, open.id,
                EXIT_TIMER, TimerEntity.PENDING).chain(pending -> pending > 0 ? Uni.createFrom().voidItem()
                : timers.plan(open.tenantId, open.clientId, EXIT_TIMER, open.id, AtRiskRule.exitAt(event.time()), now)
                .replaceWithVoid());
    }

    private static String baselineOf(CtaEntity cta) {
        Object baseline = cta.reasonInputs == null ? null : cta.reasonInputs.get(AtRiskRule.BASELINE_INPUT);
        return baseline == null ? "GREEN" : baseline.toString();
    }

    private static Cause cause(EventEnvelope event, HealthReaders.ColorChange change) {
        return new Cause(event.id(), event.type(), event.time(), "score:" + change.scoreId(), event.correlationId(),
                "COMPOSITE " + (change.previousColor() == null ? "—" : change.previousColor()) + " → " + change.color());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
