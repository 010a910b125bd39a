package io.mspcs.health.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.PoisonEventException;
import io.mspcs.health.domain.ClientRegistration;
import io.mspcs.health.domain.ClientStatus;
import io.mspcs.health.service.ClientHealthService;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** segmentation-service's events that health keeps a read of (events.md §4.1). */
@ApplicationScoped
public class SegmentationEventsConsumer {

    static final String NAME = "health-service.segmentation-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;
    private final ClientHealthService clients;

    public SegmentationEventsConsumer(IdempotentConsumer consumer, ClientHealthService clients) {
        this.consumer = consumer;
        this.clients = clients;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.CLIENT_REGISTERED, this::onClientRegistered,
                EventTypes.SEGMENT_ASSIGNED, this::onSegmentAssigned,
                EventTypes.SEGMENT_CHANGED, this::onSegmentChanged));
    }

    @Incoming("segmentation-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }

    // Consumer-owned readers: only the fields health uses; unknown fields are ignored.
    record ClientRegisteredData(UUID clientId, String source, String externalId, String name, String status,
                                Instant registeredAt) {
    }

    record SegmentAssignedData(UUID clientId, String segment, Boolean provisional) {
    }

    record SegmentChangedData(UUID clientId, String to) {
    }

    private Uni<Void> onClientRegistered(EventEnvelope event) {
        ClientRegisteredData data = EventCodec.readData(event, ClientRegisteredData.class);
        if (data.clientId() == null || data.name() == null || data.registeredAt() == null) {
            throw new PoisonEventException(event.type() + " misses clientId, name or registeredAt");
        }
        return clients.register(event.tenantId(), new ClientRegistration(data.clientId(), data.source(),
                data.externalId(), data.name(), status(data.status()), data.registeredAt()));
    }

    private Uni<Void> onSegmentAssigned(EventEnvelope event) {
        SegmentAssignedData data = EventCodec.readData(event, SegmentAssignedData.class);
        if (data.clientId() == null || data.segment() == null || event.time() == null) {
            throw new PoisonEventException(event.type() + " misses clientId, segment or time");
        }
        return clients.applySegment(event.tenantId(), data.clientId(), data.segment(),
                Boolean.TRUE.equals(data.provisional()), event.time(), EventContext.causedBy(event));
    }

    /** A letter change is never provisional (its basis is COMPUTED or OVERRIDE). */
    private Uni<Void> onSegmentChanged(EventEnvelope event) {
        SegmentChangedData data = EventCodec.readData(event, SegmentChangedData.class);
        if (data.clientId() == null || data.to() == null || event.time() == null) {
            throw new PoisonEventException(event.type() + " misses clientId, to or time");
        }
        return clients.applySegment(event.tenantId(), data.clientId(), data.to(), false, event.time(),
                EventContext.causedBy(event));
    }

    /** Status is an open enum: a value this service does not know is read as ACTIVE. */
    private static ClientStatus status(String value) {
        return "CHURNED".equals(value) ? ClientStatus.CHURNED : ClientStatus.ACTIVE;
    }
}
