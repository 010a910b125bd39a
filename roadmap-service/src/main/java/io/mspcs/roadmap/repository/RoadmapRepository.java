package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
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

    /** Tenants with at least one client: the ones the scheduled sweep visits. */
    public Uni<List<UUID>> tenants() {
        return getSession().chain(session -> session
                .createSelectionQuery("select distinct r.tenantId from RoadmapEntity r", UUID.class).getResultList());
    }

    public Uni<List<UUID>> clientsOf(UUID tenantId) {
        return list("tenantId = ?1 order by createdAt, id", tenantId)
                .map(found -> found.stream().map(roadmap -> roadmap.clientId).toList());
    }
}
