package io.mspcs.roadmap.service;

import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.RoadmapPolicy;
import io.mspcs.roadmap.repository.RoadmapPolicyEntity;
import io.mspcs.roadmap.repository.RoadmapPolicyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
    private final Clock clock;

    public PolicyService(RoadmapPolicyRepository policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @WithSession
    public Uni<RoadmapPolicy> get(UUID tenantId) {
        return policies.inForce(tenantId);
    }

    @WithTransaction
    public Uni<RoadmapPolicy> put(UUID tenantId, Integer ifMatch, RoadmapPolicy requested) {
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
                return new Saved(saved, current, false);
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
            return new Saved(row, next, true);
        }).call(saved -> saved.changed() ? policies.persist(saved.row()) : Uni.createFrom().nullItem())
                .map(Saved::policy);
    }

    private record Saved(RoadmapPolicyEntity row, RoadmapPolicy policy, boolean changed) {
    }
}
