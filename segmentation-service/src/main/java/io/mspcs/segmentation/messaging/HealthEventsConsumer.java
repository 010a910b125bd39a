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
public class HealthEventsConsumer {

    static final String NAME = "segmentation-service.health-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public HealthEventsConsumer(IdempotentConsumer consumer, SignalIntakeService intake) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.HEALTH_SCORED, intake::onHealthScored,
                EventTypes.DMI_MEASURED, intake::onDmiMeasured,
                EventTypes.COMPLAINT_LOGGED, intake::onComplaintLogged));
    }

    @Incoming("health-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }
}
