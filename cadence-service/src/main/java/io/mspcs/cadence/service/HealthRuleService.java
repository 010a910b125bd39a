package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.CtaNotice;
import io.mspcs.cadence.domain.Cause;
import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.CtaDraft;
import io.mspcs.cadence.domain.CtaReason;
import io.mspcs.cadence.domain.HealthRule;
import io.mspcs.cadence.domain.NotificationPolicy;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.domain.TriggerRule;
import io.mspcs.cadence.messaging.CtaEvents;
import io.mspcs.cadence.messaging.HealthReaders;
import io.mspcs.cadence.repository.ClientOwnerRepository;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.ConditionStateRepository;
import io.mspcs.cadence.repository.CtaCauseEntity;
import io.mspcs.cadence.repository.CtaCauseRepository;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Condition rules of the catalogue (cadence.md §4.2, §5.3, §5.4): AD-T4, AD-T10, AD-T3 and HC-RED. One open CTA per
 * dedupe key collects the condition ids; a known cause is a duplicate; a snoozed CTA stores repeats silently; a
 * dismissal with {@code suppressDays} opens nothing until then; conditions move only on newer facts, and a clearing
 * event that arrives first leaves a tombstone so the older raise opens nothing. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class HealthRuleService {

    /** The alert budget decides the opening's notification (cadence.md §5.7). */
    @jakarta.inject.Inject
    AlertService alerts;

    static final String ACTIVE = "ACTIVE";
    static final String CLEARED = "CLEARED";
    private static final BigDecimal FLAT_CLEARING_DELTA = BigDecimal.valueOf(2);

    private final CtaRepository ctas;
    private final CtaCauseRepository causes;
    private final ClientViewRepository clients;
    private final ClientOwnerRepository owners;
    private final ConditionStateRepository conditions;
    private final PolicyService policies;
    private final CtaService ctaService;
    private final PlaybookService playbooks;
    private final TriggerRuleService triggerRules;
    private final RuleCtaService ruleCtas;
    private final OutboxWriter outbox;
    private final Clock clock;

    public HealthRuleService(CtaRepository ctas, CtaCauseRepository causes, ClientViewRepository clients,
                             ClientOwnerRepository owners, ConditionStateRepository conditions, PolicyService policies,
                             CtaService ctaService, PlaybookService playbooks, TriggerRuleService triggerRules,
                             RuleCtaService ruleCtas, OutboxWriter outbox, Clock clock) {
        this.ruleCtas = ruleCtas;
        this.triggerRules = triggerRules;
        this.playbooks = playbooks;
        this.ctas = ctas;
        this.causes = causes;
        this.clients = clients;
        this.owners = owners;
        this.conditions = conditions;
        this.policies = policies;
        this.ctaService = ctaService;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> onRaise(EventEnvelope event) {
        HealthRule.Raise raise = HealthReaders.raise(event);
        return triggerRules.current(event.tenantId(), raise.ruleId()).chain(rule -> {
            if (!rule.enabled()) {
                return Uni.createFrom().voidItem(); // DISABLED
            }
            if ("AD-T4".equals(raise.ruleId())
                    && new BigDecimal(raise.detail()).compareTo(rule.param(TriggerRule.MIN_FLAT_CYCLES)) < 0) {
                return Uni.createFrom().voidItem(); // BELOW_THRESHOLD
            }
            return onRaise(event, raise, rule);
        });
    }

    private Uni<Void> onRaise(EventEnvelope event, HealthRule.Raise raise, TriggerRule rule) {
        Instant now = now();
        Uni<Boolean> fresh = raise.conditionKey() == null ? Uni.createFrom().item(true)
                : conditions.record(event.tenantId(), raise.clientId(), raise.conditionKey(), ACTIVE, raise.time(),
                raise.eventId(), now).map(applied -> applied.applied());
        // STALE or ALREADY_CLEARED: an older raise after a newer fact opens nothing.
        return fresh.chain(ok -> ok ? raiseOnCta(event, raise, rule, now) : Uni.createFrom().voidItem());
    }

    /** {@code HealthColorChanged}: a dimension turning RED raises HC-RED, leaving RED clears it. */
    public Uni<Void> onColorChanged(EventEnvelope event) {
        String dimension = event.data().path("dimension").asText("");
        if ("COMPOSITE".equals(dimension)) {
            return Uni.createFrom().voidItem(); // AR-RED is not built yet
        }
        if ("RED".equals(event.data().path("color").asText())) {
            return onRaise(event);
        }
        return "RED".equals(event.data().path("previousColor").asText())
                ? clear(event, UUID.fromString(event.data().path("clientId").asText()), "COLOR:" + dimension,
                Map.of("dimension", dimension))
                : Uni.createFrom().voidItem();
    }

    public Uni<Void> onGateCleared(EventEnvelope event) {
        String gateId = event.data().path("gateId").asText();
        return clear(event, UUID.fromString(event.data().path("clientId").asText()), "GATE:" + gateId,
                Map.of("gateId", gateId));
    }

    public Uni<Void> onBackupCleared(EventEnvelope event) {
        String riskId = event.data().path("riskId").asText();
        return clear(event, UUID.fromString(event.data().path("clientId").asText()), "BACKUP:" + riskId,
                Map.of("riskId", riskId));
    }

    /** AD-T4 closes when a measurement newer than its newest cause moved the DMI up by at least 2 points. */
    public Uni<Void> onDmiMeasured(EventEnvelope event) {
        HealthReaders.DmiMeasured measured = HealthReaders.DmiMeasured.read(event);
        if (measured.delta() == null || measured.delta().compareTo(FLAT_CLEARING_DELTA) < 0) {
            return Uni.createFrom().voidItem();
        }
        return ctas.findOpenOfClient(event.tenantId(), measured.clientId()).chain(open -> {
            List<Uni<Void>> closes = new ArrayList<>();
            for (CtaEntity cta : open) {
                if ("AD-T4".equals(cta.ruleId) && !event.time().isBefore(cta.newestCauseTime)) {
                    Map<String, Object> inputs = new LinkedHashMap<>();
                    inputs.put("clearingEventId", event.id().toString());
                    inputs.put("delta", measured.delta());
                    inputs.put("dmi", measured.dmi());
                    closes.add(ctaService.closeBySystem(EventContext.causedBy(event), cta, CloseStatus.AUTO_CLOSED,
                            new CtaReason("CONDITION_CLEARED", "DMI moving again", cta.ruleId, cta.ruleVersion, inputs)));
                }
            }
            return CadenceService.chain(closes);
        });
    }

    private Uni<Void> raiseOnCta(EventEnvelope event, HealthRule.Raise raise, TriggerRule rule, Instant now) {
        UUID tenantId = event.tenantId();
        return clients.findOrStub(tenantId, raise.clientId(), now).chain(client -> {
            if (client.churned()) {
                return Uni.createFrom().voidItem();
            }
            Optional<Segment> segment = Segment.parse(client.segment);
            Optional<HealthRule.Spec> spec = HealthRule.spec(raise, segment);
            if (spec.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            String dedupeKey = HealthRule.dedupeKey(raise);
            return ctas.findOpen(tenantId, raise.clientId(), spec.get().kind(), dedupeKey).chain(open -> open != null
                    ? repeat(event, raise, open)
                    : ctas.suppressed(tenantId, raise.clientId(), dedupeKey, now).chain(suppressed -> suppressed
                    ? Uni.createFrom().voidItem() // SUPPRESSED_DISMISSED
                    : open(event, raise, spec.get(), rule, now)));
        });
    }

    private Uni<Void> open(EventEnvelope event, HealthRule.Raise raise, HealthRule.Spec spec, TriggerRule rule,
                           Instant now) {
        UUID tenantId = event.tenantId();
        return policies.ensure(tenantId).chain(versioned -> owners.ownersOf(tenantId, raise.clientId()).chain(map -> {
            CtaDraft draft = HealthRule.draft(UUID.randomUUID(), raise, spec, map,
                    versioned.policy().csLeaderMemberId(), new SlaCalculator(versioned.policy().calendar()), now);
            CtaEntity cta = CtaEntity.open(tenantId, draft);
            cta.ruleVersion = rule.version(); // the tenant's version in force, not the built-in one
            cta.conditionKeys = raise.conditionKey();
            return alerts.opened(cta).chain(() -> ctas.persist(cta))
                    .chain(() -> causes.persist(CtaCauseEntity.of(tenantId, cta.id, 1, draft.firstCause(), now)))
                    .chain(() -> outbox.append(CtaEvents.opened(cta), EventContext.causedBy(event)))
                    .chain(() -> cta.playbookKey == null ? Uni.createFrom().voidItem()
                            : playbooks.start(EventContext.causedBy(event), cta.clientId, cta.playbookKey, cta)
                            .replaceWithVoid())
                    .chain(() -> ctaService.planSlaTimers(cta));
        }));
    }

    /** A repeat (§5.3) through the shared path; a new condition id joins the CTA's conditions. */
    private Uni<Void> repeat(EventEnvelope event, HealthRule.Raise raise, CtaEntity cta) {
        Cause cause = new Cause(raise.eventId(), raise.eventType(), raise.time(), raise.causeKey(),
                raise.correlationId(), raise.summary());
        return ruleCtas.repeat(EventContext.causedBy(event), cta, cause, Optional.empty(), changes -> {
            if (raise.conditionKey() == null) {
                return;
            }
            Set<String> keysOnCta = conditionKeys(cta);
            if (keysOnCta.add(raise.conditionKey())) {
                changes.add(new CtaEvents.Change("conditionKeys", cta.conditionKeys, String.join(",", keysOnCta)));
                cta.conditionKeys = String.join(",", keysOnCta);
            }
        }).replaceWithVoid();
    }

    /** A clearing fact: tombstone or update the condition, then close the CTA when its last condition cleared. */
    private Uni<Void> clear(EventEnvelope event, UUID clientId, String key, Map<String, String> ids) {
        Instant now = now();
        return conditions.record(event.tenantId(), clientId, key, CLEARED, event.time(), event.id(), now)
                .chain(applied -> !applied.applied() ? Uni.createFrom().voidItem()
                        : ctas.findOpenOfClient(event.tenantId(), clientId).chain(open -> {
                    List<Uni<Void>> work = new ArrayList<>();
                    for (CtaEntity cta : open) {
                        Set<String> keys = conditionKeys(cta);
                        if (!keys.remove(key)) {
                            continue;
                        }
                        if (keys.isEmpty()) {
                            Map<String, Object> inputs = new LinkedHashMap<>();
                            inputs.put("clearingEventId", event.id().toString());
                            inputs.putAll(ids);
                            cta.conditionKeys = null;
                            work.add(ctaService.closeBySystem(EventContext.causedBy(event), cta, CloseStatus.AUTO_CLOSED,
                                    new CtaReason("CONDITION_CLEARED", "The condition cleared", cta.ruleId,
                                            cta.ruleVersion, inputs)));
                        } else {
                            List<CtaEvents.Change> changes = List.of(new CtaEvents.Change("conditionKeys",
                                    cta.conditionKeys, String.join(",", keys)));
                            cta.conditionKeys = String.join(",", keys);
                            cta.updatedAt = now;
                            cta.notification = NotificationPolicy.updated();
                            work.add(outbox.append(CtaEvents.updated(cta, changes, cta.notification),
                                    EventContext.causedBy(event))
                                    .chain(() -> alerts.changed(cta, cta.notification, CtaNotice.UPDATED)));
                        }
                    }
                    return CadenceService.chain(work);
                }));
    }

    private static Set<String> conditionKeys(CtaEntity cta) {
        return cta.conditionKeys == null || cta.conditionKeys.isBlank() ? new LinkedHashSet<>()
                : new LinkedHashSet<>(Arrays.asList(cta.conditionKeys.split(",")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
