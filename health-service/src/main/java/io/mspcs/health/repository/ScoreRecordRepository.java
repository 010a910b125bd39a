package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScoreRecordRepository implements PanacheRepositoryBase<ScoreRecordEntity, UUID> {

    public Uni<List<ScoreRecordEntity>> byIds(UUID tenantId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("tenantId = ?1 and id in ?2", tenantId, ids);
    }

    public Uni<ScoreRecordEntity> byId(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** Newest first; {@code after} is the last record of the previous page (null for the first page). */
    public Uni<List<ScoreRecordEntity>> page(UUID tenantId, UUID clientId, Instant from, Instant to,
                                             ScoreRecordEntity after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenantId and clientId = :clientId");
        Parameters parameters = Parameters.with("tenantId", tenantId).and("clientId", clientId);
        if (from != null) {
            query.append(" and computedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and computedAt < :to");
            parameters.and("to", to);
        }
        if (after != null) {
            query.append(" and seq < :afterSeq");
            parameters.and("afterSeq", after.seq);
        }
        return find(query.append(" order by seq desc").toString(), parameters).page(0, limit).list();
    }
}
