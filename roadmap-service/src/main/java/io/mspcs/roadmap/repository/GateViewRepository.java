package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GateViewRepository implements PanacheRepositoryBase<GateViewEntity, UUID> {

    public Uni<GateViewEntity> findByGate(UUID tenantId, UUID gateId) {
        return find("tenantId = ?1 and gateId = ?2", tenantId, gateId).firstResult();
    }

    public Uni<List<GateViewEntity>> openOfClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 and open = true order by since, id", tenantId, clientId);
    }
}
