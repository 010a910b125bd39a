package io.mspcs.cadence.messaging;

import io.mspcs.cadence.domain.LifecycleRule;
import io.mspcs.cadence.domain.ProposalRule;
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

    /** {@code ProposalAging} as the T-PROP rules read it. */
    public record ProposalAging(UUID clientId, UUID proposalId, String title, String bucket, Integer ageDays,
                                UUID ownerMemberId) {
        public ProposalRule.Aging toAging() {
            return new ProposalRule.Aging(clientId, proposalId, title == null ? "proposal" : title, bucket,
                    ageDays == null ? 0 : ageDays, ownerMemberId);
        }
    }

    /** {@code ProposalAccepted}, {@code ProposalDeclined} and {@code ProposalClosed}: the proposal is decided. */
    public record ProposalEnded(UUID clientId, UUID proposalId) {
    }

    private RoadmapReaders() {
    }

    public static ProposalRule.Aging proposalAging(EventEnvelope event) {
        ProposalAging d = EventCodec.readData(event, ProposalAging.class);
        SegmentationReaders.require(event, d.clientId(), "clientId");
        SegmentationReaders.require(event, d.proposalId(), "proposalId");
        SegmentationReaders.require(event, d.bucket(), "bucket");
        return d.toAging();
    }

    public static ProposalEnded proposalEnded(EventEnvelope event) {
        ProposalEnded d = EventCodec.readData(event, ProposalEnded.class);
        SegmentationReaders.require(event, d.clientId(), "clientId");
        SegmentationReaders.require(event, d.proposalId(), "proposalId");
        return d;
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
