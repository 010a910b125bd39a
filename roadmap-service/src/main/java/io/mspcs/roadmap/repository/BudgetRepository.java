package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BudgetRepository implements PanacheRepositoryBase<BudgetEntity, UUID> {

    public Uni<List<BudgetEntity>> ofClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 order by fiscalYear", tenantId, clientId);
    }

    public Uni<BudgetEntity> find(UUID tenantId, UUID clientId, int fiscalYear) {
        return find("tenantId = ?1 and clientId = ?2 and fiscalYear = ?3", tenantId, clientId, fiscalYear)
                .firstResult();
    }
}
