package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.mspcs.roadmap.service.ClientViewService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

/** ClientRegistered / ClientUpdated keep the client read model (fiscal calendar, currency, status). */
@ApplicationScoped
public class SegmentationEventsConsumer {

    static final String NAME = "roadmap-service.segmentation-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public SegmentationEventsConsumer(IdempotentConsumer consumer, ClientViewService clients) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.CLIENT_REGISTERED, event -> applyRegistry(clients, event),
                EventTypes.CLIENT_UPDATED, event -> applyRegistry(clients, event)));
    }

    @Incoming("segmentation-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }

    private static Uni<Void> applyRegistry(ClientViewService clients, EventEnvelope event) {
        ClientRegistryReader data = ClientRegistryReader.read(event);
        return clients.applyRegistry(event, ClientSubject.of(event), data.name(), data.status(),
                data.fiscalYearEndMonth(), data.mrr() == null ? null : data.mrr().currency());
    }
}
