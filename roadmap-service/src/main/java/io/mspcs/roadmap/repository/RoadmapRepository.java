package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class RoadmapRepository implements PanacheRepositoryBase<RoadmapEntity, UUID> {

    public Uni<RoadmapEntity> findByClient(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2", tenantId, clientId).firstResult();
    }

    /**
     * The roadmap row locked for the rest of the transaction: handlers of different topics may work on the same
     * client at once, and remediation matching must see what the other one created.
     */
    public Uni<RoadmapEntity> lockByClient(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2", tenantId, clientId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
