package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DmiCoverageRepository implements PanacheRepositoryBase<DmiCoverageEntity, UUID> {

    /** Read-only (a recompute only reads them): no snapshot copies, no dirty checks at flush. */
    public Uni<List<DmiCoverageEntity>> ofClients(UUID tenantId, java.util.Collection<UUID> clientIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "from DmiCoverageEntity c where c.tenantId = ?1 and c.clientId in ?2", DmiCoverageEntity.class)
                .setParameter(1, tenantId).setParameter(2, clientIds).setReadOnly(true).getResultList());
    }

    public Uni<List<DmiCoverageEntity>> ofClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2", tenantId, clientId);
    }
}
