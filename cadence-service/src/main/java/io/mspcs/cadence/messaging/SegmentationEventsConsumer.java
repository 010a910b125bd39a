package io.mspcs.cadence.messaging;

import io.mspcs.cadence.service.ClientReadModelService;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

/** {@code cs.segmentation.events}: the client read model (registry facts, segment, owners). */
@ApplicationScoped
public class SegmentationEventsConsumer {

    static final String NAME = "cadence-service.segmentation-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public SegmentationEventsConsumer(IdempotentConsumer consumer, ClientReadModelService clients) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.CLIENT_REGISTERED, clients::onClientRegistered,
                EventTypes.CLIENT_UPDATED, clients::onClientUpdated,
                EventTypes.SEGMENT_ASSIGNED, clients::onSegmentAssigned,
                EventTypes.SEGMENT_CHANGED, clients::onSegmentChanged,
                EventTypes.OWNER_ASSIGNED, clients::onOwnerAssigned));
    }

    @Incoming("segmentation-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }
}
