package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DmiCoverageRepository implements PanacheRepositoryBase<DmiCoverageEntity, UUID> {

    public Uni<List<DmiCoverageEntity>> ofClients(UUID tenantId, java.util.Collection<UUID> clientIds) {
        return list("tenantId = ?1 and clientId in ?2", tenantId, clientIds);
    }

    public Uni<List<DmiCoverageEntity>> ofClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2", tenantId, clientId);
    }
}
