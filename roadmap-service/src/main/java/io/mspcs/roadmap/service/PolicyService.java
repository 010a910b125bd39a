package io.mspcs.roadmap.service;

import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.RoadmapPolicy;
import io.mspcs.roadmap.repository.RoadmapPolicyEntity;
import io.mspcs.roadmap.repository.RoadmapPolicyRepository;
import io.mspcs.roadmap.repository.RoadmapRepository;
import io.mspcs.outbox.EventContext;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The tenant's roadmap policy (roadmap.md §2): read, and replaced as a whole with version + 1 per changed save. */
@ApplicationScoped
public class PolicyService {

    private final RoadmapPolicyRepository policies;
    private final RoadmapRepository roadmaps;
    private final ClientStates states;
    private final SegmentService segments;
    private final Clock clock;

    public PolicyService(RoadmapPolicyRepository policies, RoadmapRepository roadmaps, ClientStates states,
                         SegmentService segments, Clock clock) {
        this.policies = policies;
        this.roadmaps = roadmaps;
        this.states = states;
        this.segments = segments;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<RoadmapPolicy> get(UUID tenantId) {
        return policies.inForce(tenantId);
    }

    /**
     * Replaces the policy. A changed calibration re-calibrates every roadmap of the tenant in the same transaction:
     * a roadmap whose horizon changes gets a new version ({@code RoadmapResequenced SEGMENT_CHANGED}, no moves).
     */
    @WithTransaction
    public Uni<RoadmapPolicy> put(UUID tenantId, String correlationId, Integer ifMatch, RoadmapPolicy requested) {
        return policies.findById(tenantId).map(saved -> {
            RoadmapPolicy current = saved == null ? RoadmapPolicy.DEFAULT
                    : saved.document.withVersion(saved.policyVersion);
            if (ifMatch != null && ifMatch != current.version()) {
                throw new ProblemException(412, "version-mismatch", "Version mismatch",
                        "Roadmap policy is at version " + current.version() + ", not " + ifMatch, List.of());
            }
            List<RoadmapPolicy.Violation> violations = requested.violations(current);
            if (!violations.isEmpty()) {
                throw new ProblemException(400, "validation-failed", "Validation failed",
                        violations.get(0).detail(), violations.stream()
                        .map(v -> new io.mspcs.rest.Problem.FieldError(v.field(), v.code())).toList());
            }
            if (requested.sameRulesAs(current)) {
                return new Saved(saved, current, false, current.calibration());
            }
            RoadmapPolicy next = requested.withVersion(current.version() + 1);
            RoadmapPolicyEntity row = saved;
            if (row == null) {
                row = new RoadmapPolicyEntity();
                row.tenantId = tenantId;
                row.createdAt = clock.instant();
            }
            row.policyVersion = next.version();
            row.document = next;
            row.updatedAt = clock.instant();
            return new Saved(row, next, true, current.calibration());
        }).call(saved -> saved.changed() ? policies.persist(saved.row()) : Uni.createFrom().nullItem())
                .call(saved -> saved.changed() && !saved.policy().calibration().equals(saved.before())
                        ? recalibrate(tenantId, correlationId, saved.policy()) : Uni.createFrom().nullItem())
                .map(Saved::policy);
    }

    private Uni<Void> recalibrate(UUID tenantId, String correlationId, RoadmapPolicy policy) {
        java.time.Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        EventContext context = EventContext.ofRequest(tenantId, correlationId);
        return roadmaps.clientsOf(tenantId).chain(clients -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID clientId : clients) {
                chain = chain.call(() -> states.known(tenantId, clientId, now)
                        .call(state -> segments.calibrate(state, policy, context)));
            }
            return chain;
        });
    }

    private record Saved(RoadmapPolicyEntity row, RoadmapPolicy policy, boolean changed,
                         java.util.Map<String, RoadmapPolicy.Calibration> before) {
    }
}
