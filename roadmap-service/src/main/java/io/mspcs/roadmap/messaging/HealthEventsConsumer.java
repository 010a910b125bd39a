package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.mspcs.roadmap.service.RemediationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

/** DmiDropped puts remediation initiatives at the head of the roadmap (roadmap.md §5.3). */
@ApplicationScoped
public class HealthEventsConsumer {

    static final String NAME = "roadmap-service.health-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public HealthEventsConsumer(IdempotentConsumer consumer, RemediationService remediation) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(EventTypes.DMI_DROPPED, event -> onDmiDropped(remediation, event)));
    }

    @Incoming("health-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }

    private static Uni<Void> onDmiDropped(RemediationService remediation, EventEnvelope event) {
        DmiDroppedReader data = DmiDroppedReader.read(event);
        return remediation.onDmiDropped(event, ClientSubject.of(event),
                new RemediationService.DmiDrop(data.snapshotId(), data.dmi(), data.gaps(), data.reasonText()));
    }
}
