package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InitiativeHistoryRepository implements PanacheRepositoryBase<InitiativeHistoryEntity, UUID> {

    public Uni<List<InitiativeHistoryEntity>> ofInitiative(UUID tenantId, UUID initiativeId) {
        return list("tenantId = ?1 and initiativeId = ?2 order by at, createdAt", tenantId, initiativeId);
    }
}
