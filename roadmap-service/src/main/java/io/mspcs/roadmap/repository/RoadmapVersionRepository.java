package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RoadmapVersionRepository implements PanacheRepositoryBase<RoadmapVersionEntity, UUID> {

    public Uni<List<RoadmapVersionEntity>> history(UUID tenantId, UUID roadmapId) {
        return list("tenantId = ?1 and roadmapId = ?2 order by roadmapVersion", tenantId, roadmapId);
    }
}
