package io.mspcs.segmentation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SegmentAssignmentRepository implements PanacheRepositoryBase<SegmentAssignmentEntity, UUID> {

    public Uni<SegmentAssignmentEntity> findInTenant(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2", tenantId, clientId).firstResult();
    }

    public Uni<List<SegmentAssignmentEntity>> allInTenant(UUID tenantId) {
        return list("tenantId", tenantId);
    }

    /** Overrides whose expiry has come (the sweep ends them). */
    public Uni<List<SegmentAssignmentEntity>> overridesDue(UUID tenantId, Instant now) {
        return list("tenantId = ?1 and overrideExpiresAt <= ?2", tenantId, now);
    }
}
