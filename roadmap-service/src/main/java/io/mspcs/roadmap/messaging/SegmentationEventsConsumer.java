package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.mspcs.roadmap.service.ClientLifecycleService;
import io.mspcs.roadmap.service.SegmentService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

/** ClientRegistered / ClientUpdated keep the client read model (fiscal calendar, currency, status); SegmentAssigned /
 *  SegmentChanged its segment and the roadmap calibration. */
@ApplicationScoped
public class SegmentationEventsConsumer {

    static final String NAME = "roadmap-service.segmentation-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public SegmentationEventsConsumer(IdempotentConsumer consumer, ClientLifecycleService clients,
                                      SegmentService segments) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.CLIENT_REGISTERED, event -> applyRegistry(clients, event, true),
                EventTypes.CLIENT_UPDATED, event -> applyRegistry(clients, event, false),
                EventTypes.SEGMENT_ASSIGNED, event -> applySegment(segments, event),
                EventTypes.SEGMENT_CHANGED, event -> applySegment(segments, event)));
    }

    private static Uni<Void> applySegment(SegmentService segments, EventEnvelope event) {
        SegmentReader data = SegmentReader.read(event);
        return segments.apply(event, ClientSubject.of(event), data.effective(), data.changedAt());
    }

    @Incoming("segmentation-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }

    private static Uni<Void> applyRegistry(ClientLifecycleService clients, EventEnvelope event, boolean registered) {
        ClientRegistryReader data = ClientRegistryReader.read(event);
        return clients.apply(event, ClientSubject.of(event), new ClientLifecycleService.Snapshot(data.name(),
                data.status(), data.fiscalYearEndMonth(), data.mrr() == null ? null : data.mrr().currency()),
                registered);
    }
}
