package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DmiInsightRepository implements PanacheRepositoryBase<DmiInsightEntity, UUID> {

    public Uni<List<DmiInsightEntity>> ofCatalog(UUID tenantId, UUID catalogId) {
        return list("tenantId = ?1 and catalogId = ?2 order by position", tenantId, catalogId);
    }

    public Uni<Long> deleteOfCatalog(UUID tenantId, UUID catalogId) {
        return delete("tenantId = ?1 and catalogId = ?2", tenantId, catalogId);
    }
}
