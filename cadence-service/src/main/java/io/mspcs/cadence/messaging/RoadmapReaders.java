package io.mspcs.cadence.messaging;

import io.mspcs.cadence.domain.LifecycleRule;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;

import java.time.Instant;
import java.util.UUID;

/** Consumer-owned views of the roadmap events the lifecycle rules read (only the fields they use). */
public final class RoadmapReaders {

    public record AssessmentCompleted(UUID clientId, UUID assessmentId, String assessmentType, Instant completedAt,
                               Integer highRiskCount) {
    }

    public record InitiativeApproved(UUID clientId, UUID initiativeId, String title, Instant approvedAt,
                              UUID deliveryOwnerMemberId) {
    }

    private RoadmapReaders() {
    }

    public static LifecycleRule.Trigger assessmentCompleted(EventEnvelope event) {
        AssessmentCompleted d = EventCodec.readData(event, AssessmentCompleted.class);
        return new LifecycleRule.Trigger("T-ASMT", d.clientId(), event.id(), event.type(), event.time(),
                event.correlationId(), d.assessmentId().toString(), d.completedAt() == null ? event.time() : d.completedAt(),
                d.highRiskCount() == null ? 0 : d.highRiskCount(), null,
                d.assessmentType() == null ? "completed" : d.assessmentType());
    }

    public static LifecycleRule.Trigger initiativeApproved(EventEnvelope event) {
        InitiativeApproved d = EventCodec.readData(event, InitiativeApproved.class);
        return new LifecycleRule.Trigger("T-INIT", d.clientId(), event.id(), event.type(), event.time(),
                event.correlationId(), d.initiativeId().toString(), d.approvedAt() == null ? event.time() : d.approvedAt(),
                0, d.deliveryOwnerMemberId(), d.title());
    }
}
