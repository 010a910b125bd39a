package io.mspcs.segmentation.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.mspcs.segmentation.service.SignalIntakeService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

@ApplicationScoped
public class CadenceEventsConsumer {

    static final String NAME = "segmentation-service.cadence-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public CadenceEventsConsumer(IdempotentConsumer consumer, SignalIntakeService intake) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.CTA_OPENED, intake::onCtaOpened,
                EventTypes.CTA_CLOSED, intake::onCtaClosed,
                EventTypes.MEETING_HELD, intake::onMeetingHeld,
                EventTypes.CADENCE_MISSED, intake::onCadenceMissed));
    }

    @Incoming("cadence-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }
}
