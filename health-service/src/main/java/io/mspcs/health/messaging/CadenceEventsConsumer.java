package io.mspcs.health.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.PoisonEventException;
import io.mspcs.health.service.EngagementService;
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

/** cadence-service's events that feed Engagement, Quality's follow-through and Alignment (health.md §5.1). */
@ApplicationScoped
public class CadenceEventsConsumer {

    static final String NAME = "health-service.cadence-events";

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;
    private final EngagementService engagement;

    public CadenceEventsConsumer(IdempotentConsumer consumer, EngagementService engagement) {
        this.consumer = consumer;
        this.engagement = engagement;
        this.handlers = EventHandlers.of(Map.of(
                EventTypes.MEETING_HELD, this::onMeetingHeld,
                EventTypes.RECAP_RECORDED, this::onRecapRecorded,
                EventTypes.MEETING_MISSED, this::onMeetingMissed,
                EventTypes.DECISION_RECORDED, this::onDecisionRecorded));
    }

    @Incoming("cadence-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message, NAME, handlers);
    }

    // Consumer-owned readers: only the fields health uses.
    record MeetingHeldData(UUID clientId, UUID meetingId, String meetingType, Boolean strategic, Instant heldAt,
                           Boolean onTime, Boolean decisionMakerPresent, Boolean execSponsorPresent,
                           Integer decisionsCount, Instant recapDueAt) {
    }

    record RecapRecordedData(UUID clientId, UUID meetingId, Boolean onTime, Integer decisionsCount) {
    }

    record MeetingMissedData(UUID clientId, UUID cadenceSlotId, Boolean strategic, Instant dueAt, String reason) {
    }

    record DecisionRecordedData(UUID clientId, UUID proposalId, Instant decidedAt) {
    }

    private Uni<Void> onMeetingHeld(EventEnvelope event) {
        MeetingHeldData d = EventCodec.readData(event, MeetingHeldData.class);
        if (d.clientId() == null || d.meetingId() == null || d.heldAt() == null || d.meetingType() == null) {
            throw new PoisonEventException(event.type() + " misses clientId, meetingId, meetingType or heldAt");
        }
        return engagement.held(event.tenantId(), new EngagementService.Held(d.clientId(), d.meetingId(),
                Boolean.TRUE.equals(d.strategic()), d.meetingType(), d.heldAt(), Boolean.TRUE.equals(d.onTime()),
                Boolean.TRUE.equals(d.decisionMakerPresent()), Boolean.TRUE.equals(d.execSponsorPresent()),
                d.recapDueAt(), d.decisionsCount() == null ? 0 : d.decisionsCount()), EventContext.causedBy(event));
    }

    private Uni<Void> onRecapRecorded(EventEnvelope event) {
        RecapRecordedData d = EventCodec.readData(event, RecapRecordedData.class);
        if (d.clientId() == null || d.meetingId() == null) {
            throw new PoisonEventException(event.type() + " misses clientId or meetingId");
        }
        return engagement.recap(event.tenantId(), d.clientId(), d.meetingId(), Boolean.TRUE.equals(d.onTime()),
                d.decisionsCount() == null ? 0 : d.decisionsCount(), EventContext.causedBy(event));
    }

    private Uni<Void> onMeetingMissed(EventEnvelope event) {
        MeetingMissedData d = EventCodec.readData(event, MeetingMissedData.class);
        if (d.clientId() == null || d.cadenceSlotId() == null || d.dueAt() == null) {
            throw new PoisonEventException(event.type() + " misses clientId, cadenceSlotId or dueAt");
        }
        return engagement.missed(event.tenantId(), d.clientId(), d.cadenceSlotId(), Boolean.TRUE.equals(d.strategic()),
                d.dueAt(), d.reason() == null ? "UNKNOWN" : d.reason(), EventContext.causedBy(event));
    }

    /** Only decisions on a proposal move decision velocity; others concern initiatives. */
    private Uni<Void> onDecisionRecorded(EventEnvelope event) {
        DecisionRecordedData d = EventCodec.readData(event, DecisionRecordedData.class);
        if (d.clientId() == null || d.decidedAt() == null) {
            throw new PoisonEventException(event.type() + " misses clientId or decidedAt");
        }
        if (d.proposalId() == null) {
            return Uni.createFrom().voidItem();
        }
        return engagement.decided(event.tenantId(), d.clientId(), d.proposalId(), d.decidedAt(),
                EventContext.causedBy(event));
    }
}
