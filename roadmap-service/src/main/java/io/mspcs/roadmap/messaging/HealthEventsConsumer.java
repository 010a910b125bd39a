package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.mspcs.roadmap.repository.FailingColumn;
import io.mspcs.roadmap.service.GateService;
import io.mspcs.roadmap.service.RemediationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;

/** DmiDropped and adoption gates put remediation at the head of the roadmap (roadmap.md §5.1, §5.3). */
@ApplicationScoped
public class HealthEventsConsumer {

    static final String NAME = "roadmap-service.health-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public HealthEventsConsumer(IdempotentConsumer consumer, RemediationService remediation, GateService gates) {
        this.consumer = consumer;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.DMI_DROPPED, event -> onDmiDropped(remediation, event),
                EventTypes.ADOPTION_GATE_BREACHED, event -> onGateBreached(gates, event),
                EventTypes.ADOPTION_GATE_CLEARED, event -> onGateCleared(gates, event)));
    }

    private static Uni<Void> onGateBreached(GateService gates, EventEnvelope event) {
        GateEventReader data = GateEventReader.read(event);
        return gates.onBreached(event, ClientSubject.of(event), new GateService.GateSignal(data.gateId(), data.gate(),
                data.failingOrEmpty().stream().map(f -> new FailingColumn.Insight(f.insightCode(), f.coverage(),
                        f.threshold())).toList(), data.since(), data.reasonText()));
    }

    private static Uni<Void> onGateCleared(GateService gates, EventEnvelope event) {
        GateEventReader data = GateEventReader.read(event);
        return gates.onCleared(event, ClientSubject.of(event), data.gateId(), data.gate());
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
