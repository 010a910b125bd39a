package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BudgetLineRepository implements PanacheRepositoryBase<BudgetLineEntity, UUID> {

    public Uni<List<BudgetLineEntity>> ofClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 order by quarter, createdAt, id", tenantId, clientId);
    }
}
