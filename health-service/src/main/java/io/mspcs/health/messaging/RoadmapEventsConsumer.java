package io.mspcs.health.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.PoisonEventException;
import io.mspcs.health.service.EngagementService;
import io.mspcs.health.service.ExpectedMoveService;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.EventHandlers;
import io.mspcs.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * roadmap-service's events (health.md §3.5, §5.1): proposal clocks for decision velocity (sent → first decision, or
 * closed undecided) and InitiativeCompleted, which re-scores the client. The store keeps the earliest instant of each
 * clock, so a redelivered or reordered event changes nothing.
 */
@ApplicationScoped
public class RoadmapEventsConsumer {

    static final String NAME = "health-service.roadmap-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;
    private final EngagementService engagement;
    private final ExpectedMoveService expectedMoves;

    public RoadmapEventsConsumer(IdempotentConsumer consumer, EngagementService engagement,
                                 ExpectedMoveService expectedMoves) {
        this.consumer = consumer;
        this.engagement = engagement;
        this.expectedMoves = expectedMoves;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.PROPOSAL_SENT, this::onSent,
                EventTypes.PROPOSAL_ACCEPTED, this::onAccepted,
                EventTypes.PROPOSAL_DECLINED, this::onDeclined,
                EventTypes.PROPOSAL_CLOSED, this::onClosed,
                EventTypes.INITIATIVE_COMPLETED, this::onInitiativeCompleted));
    }

    @Incoming("roadmap-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }

    // Consumer-owned readers: only the fields health uses.
    record SentData(UUID clientId, UUID proposalId, Instant sentAt) {
    }

    record AcceptedData(UUID clientId, UUID proposalId, Instant acceptedAt) {
    }

    record DeclinedData(UUID clientId, UUID proposalId, Instant declinedAt) {
    }

    record ClosedData(UUID clientId, UUID proposalId) {
    }

    record HealthLinkData(String insightCode, java.math.BigDecimal expectedPoints) {
    }

    record InitiativeCompletedData(UUID clientId, UUID initiativeId, Instant completedAt, List<HealthLinkData> healthLinks) {
    }

    private Uni<Void> onSent(EventEnvelope event) {
        SentData d = EventCodec.readData(event, SentData.class);
        require(d.clientId() != null && d.proposalId() != null && d.sentAt() != null, event);
        return engagement.proposalSent(event.tenantId(), d.clientId(), d.proposalId(), d.sentAt(),
                EventContext.causedBy(event));
    }

    private Uni<Void> onAccepted(EventEnvelope event) {
        AcceptedData d = EventCodec.readData(event, AcceptedData.class);
        require(d.clientId() != null && d.proposalId() != null && d.acceptedAt() != null, event);
        return engagement.decided(event.tenantId(), d.clientId(), d.proposalId(), d.acceptedAt(),
                EventContext.causedBy(event));
    }

    private Uni<Void> onDeclined(EventEnvelope event) {
        DeclinedData d = EventCodec.readData(event, DeclinedData.class);
        require(d.clientId() != null && d.proposalId() != null && d.declinedAt() != null, event);
        return engagement.decided(event.tenantId(), d.clientId(), d.proposalId(), d.declinedAt(),
                EventContext.causedBy(event));
    }

    /** ProposalClosed carries no instant of its own: the event time is the close. */
    private Uni<Void> onClosed(EventEnvelope event) {
        ClosedData d = EventCodec.readData(event, ClosedData.class);
        require(d.clientId() != null && d.proposalId() != null, event);
        return engagement.proposalClosed(event.tenantId(), d.clientId(), d.proposalId(), event.time(),
                EventContext.causedBy(event));
    }

    private Uni<Void> onInitiativeCompleted(EventEnvelope event) {
        InitiativeCompletedData d = EventCodec.readData(event, InitiativeCompletedData.class);
        require(d.clientId() != null && d.initiativeId() != null && d.completedAt() != null, event);
        List<ExpectedMoveService.Link> links = d.healthLinks() == null ? List.of() : d.healthLinks().stream()
                .map(l -> new ExpectedMoveService.Link(l.insightCode(), l.expectedPoints())).toList();
        // baselines first: the coverage as it stands at completion, before the re-score
        return expectedMoves.record(event.tenantId(), d.clientId(), d.initiativeId(), d.completedAt(), links)
                .chain(() -> engagement.initiativeCompleted(event.tenantId(), d.clientId(), EventContext.causedBy(event)));
    }

    private static void require(boolean ok, EventEnvelope event) {
        if (!ok) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks a field health needs");
        }
    }
}
