package io.mspcs.cadence.messaging;

import io.mspcs.cadence.service.AtRiskService;
import io.mspcs.cadence.service.CtaService;
import io.mspcs.cadence.service.HealthRuleService;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

/** {@code cs.health.events}: DMI drops open AD-T9 CTAs, DMI measurements may close them. Other types are skipped. */
@ApplicationScoped
public class HealthEventsConsumer {

    static final String NAME = "cadence-service.health-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public HealthEventsConsumer(IdempotentConsumer consumer, CtaService ctas, HealthRuleService rules,
                                AtRiskService atRisk) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.DMI_DROPPED, ctas::onDmiDropped,
                // One measurement may close AD-T9 and AD-T4; both run in the same transaction.
                EventTypes.DMI_MEASURED, event -> ctas.onDmiMeasured(event).chain(() -> rules.onDmiMeasured(event)),
                EventTypes.DMI_STALLED, rules::onRaise,
                EventTypes.ADOPTION_GATE_BREACHED, rules::onRaise,
                EventTypes.ADOPTION_GATE_CLEARED, rules::onGateCleared,
                EventTypes.BACKUP_RISK_DETECTED, rules::onRaise,
                EventTypes.BACKUP_RISK_CLEARED, rules::onBackupCleared,
                // Dimensions raise or clear HC-RED, the composite is AR-RED's; each ignores the other's.
                EventTypes.HEALTH_COLOR_CHANGED, event -> rules.onColorChanged(event).chain(() -> atRisk.onColorChanged(event))));
    }

    @Incoming("health-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }
}
