package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScoringModelRepository implements PanacheRepositoryBase<ScoringModelEntity, UUID> {

    public Uni<ScoringModelEntity> published(UUID tenantId) {
        return find("tenantId = ?1 and status = ?2", tenantId, ScoringModelEntity.PUBLISHED).firstResult();
    }

    public Uni<ScoringModelEntity> draft(UUID tenantId) {
        return find("tenantId = ?1 and status = ?2", tenantId, ScoringModelEntity.DRAFT).firstResult();
    }

    public Uni<ScoringModelEntity> byVersion(UUID tenantId, int version) {
        return find("tenantId = ?1 and modelVersion = ?2", tenantId, version).firstResult();
    }

    public Uni<List<ScoringModelEntity>> all(UUID tenantId) {
        return list("tenantId = ?1 order by modelVersion desc", tenantId);
    }

    public Uni<Integer> maxVersion(UUID tenantId) {
        return find("select coalesce(max(m.modelVersion), 0) from ScoringModelEntity m where m.tenantId = ?1", tenantId)
                .project(Integer.class).firstResult();
    }
}
