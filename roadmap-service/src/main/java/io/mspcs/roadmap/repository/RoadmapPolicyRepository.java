package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.RoadmapPolicy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class RoadmapPolicyRepository implements PanacheRepositoryBase<RoadmapPolicyEntity, UUID> {

    /** The tenant's policy in force: the saved one, else the default. */
    public Uni<RoadmapPolicy> inForce(UUID tenantId) {
        return findById(tenantId).map(saved -> saved == null ? RoadmapPolicy.DEFAULT
                : saved.document.withVersion(saved.policyVersion));
    }
}
