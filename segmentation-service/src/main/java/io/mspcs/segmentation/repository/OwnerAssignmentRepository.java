package io.mspcs.segmentation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OwnerAssignmentRepository implements PanacheRepositoryBase<OwnerAssignmentEntity, UUID> {

    public Uni<List<OwnerAssignmentEntity>> ofClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2", tenantId, clientId);
    }

    public Uni<List<OwnerAssignmentEntity>> allInTenant(UUID tenantId) {
        return list("tenantId", tenantId);
    }

    public Uni<Long> countForMember(UUID tenantId, UUID memberId) {
        return count("tenantId = ?1 and (memberId = ?2 or backupMemberId = ?2)", tenantId, memberId);
    }
}
