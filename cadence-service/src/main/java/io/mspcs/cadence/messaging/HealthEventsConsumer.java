package io.mspcs.cadence.messaging;

import io.mspcs.cadence.service.CtaService;
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

    public HealthEventsConsumer(IdempotentConsumer consumer, CtaService ctas) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.DMI_DROPPED, ctas::onDmiDropped,
                EventTypes.DMI_MEASURED, ctas::onDmiMeasured));
    }

    @Incoming("health-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }
}
