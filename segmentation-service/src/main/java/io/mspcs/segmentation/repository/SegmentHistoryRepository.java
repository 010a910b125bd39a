package io.mspcs.segmentation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SegmentHistoryRepository implements PanacheRepositoryBase<SegmentHistoryEntity, UUID> {

    public Uni<Integer> lastSeq(UUID tenantId, UUID clientId) {
        return find("select coalesce(max(seq), 0) from SegmentHistoryEntity where tenantId = ?1 and clientId = ?2",
                tenantId, clientId).project(Integer.class).firstResult();
    }

    /** Newest first; {@code beforeSeq} is the cursor. */
    public Uni<List<SegmentHistoryEntity>> page(UUID tenantId, UUID clientId, Integer beforeSeq, int limit) {
        return beforeSeq == null
                ? find("tenantId = ?1 and clientId = ?2 order by seq desc", tenantId, clientId).page(0, limit).list()
                : find("tenantId = ?1 and clientId = ?2 and seq < ?3 order by seq desc", tenantId, clientId, beforeSeq)
                .page(0, limit).list();
    }
}
