package io.mspcs.roadmap.service;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.mspcs.roadmap.domain.RoadmapPolicy;
import io.mspcs.roadmap.repository.RoadmapEntity;
import io.mspcs.roadmap.repository.RoadmapPolicyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * SegmentAssigned / SegmentChanged (roadmap.md §3.7, §8.2): the client's segment (for the proposal and pipeline
 * filters) and the roadmap calibration of the tenant policy for it; a changed horizon is a new roadmap version
 * {@code SEGMENT_CHANGED} without moves. Events older than the segment applied change nothing.
 */
@ApplicationScoped
public class SegmentService {

    static final String UNSEGMENTED = "UNSEGMENTED";

    private final ClientStates states;
    private final RoadmapVersions versions;
    private final RoadmapPolicyRepository policies;
    private final Clock clock;

    public SegmentService(ClientStates states, RoadmapVersions versions, RoadmapPolicyRepository policies,
                          Clock clock) {
        this.states = states;
        this.versions = versions;
        this.policies = policies;
        this.clock = clock;
    }

    /** Runs inside the consumer's transaction. */
    public Uni<Void> apply(EventEnvelope event, UUID clientId, String segment, Instant changedAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant time = changedAt != null ? changedAt : event.time() != null ? event.time() : now;
        return policies.inForce(event.tenantId()).chain(policy -> states.provisioned(event.tenantId(), clientId, now)
                .chain(state -> {
                    if (!state.client().applySegment(segment, time, now)) {
                        return Uni.createFrom().voidItem();
                    }
                    return calibrate(state, policy, EventContext.causedBy(event));
                }));
    }

    /** The policy's calibration for the client's segment; a changed horizon is a version without moves. */
    Uni<Void> calibrate(ClientState state, RoadmapPolicy policy, EventContext context) {
        String segment = state.client().segment;
        RoadmapPolicy.Calibration calibration = calibration(policy, segment);
        RoadmapEntity roadmap = state.roadmap();
        boolean horizonChanged = roadmap.horizonQuarters != calibration.horizonQuarters();
        if (!horizonChanged && roadmap.freshnessDays == calibration.freshnessDays()) {
            return Uni.createFrom().voidItem();
        }
        roadmap.horizonQuarters = (short) calibration.horizonQuarters();
        roadmap.freshnessDays = (short) calibration.freshnessDays();
        roadmap.updatedAt = state.now();
        if (!horizonChanged) {
            return Uni.createFrom().voidItem();
        }
        return versions.record(state, "SEGMENT_CHANGED", "Calibration for segment "
                + (segment == null ? UNSEGMENTED : segment), null, List.of(), context);
    }

    /** The policy's calibration of a segment letter; unknown letters (an open enum) count as unsegmented. */
    static RoadmapPolicy.Calibration calibration(RoadmapPolicy policy, String segment) {
        RoadmapPolicy.Calibration calibration = segment == null ? null : policy.calibration().get(segment);
        return calibration != null ? calibration : policy.calibration().get(UNSEGMENTED);
    }
}
