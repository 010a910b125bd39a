package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CadenceSlotRepository implements PanacheRepositoryBase<CadenceSlotEntity, UUID> {

    public Uni<List<CadenceSlotEntity>> openOf(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 and state in ('OPEN', 'WAITING_RECAP')", tenantId, clientId);
    }

    public Uni<CadenceSlotEntity> lastMissOf(UUID tenantId, UUID lineId) {
        return find("tenantId = ?1 and lineId = ?2 and state = 'MISSED' order by dueDate desc", tenantId, lineId)
                .firstResult();
    }
}
