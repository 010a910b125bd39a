package io.mspcs.health.repository;

import io.mspcs.health.domain.SnapshotKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DmiSnapshotRepository implements PanacheRepositoryBase<DmiSnapshotEntity, UUID> {

    public Uni<DmiSnapshotEntity> latest(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2 order by seq desc", tenantId, clientId).firstResult();
    }

    /** Each client's latest snapshot (by seq). */
    public Uni<List<DmiSnapshotEntity>> latestOf(UUID tenantId, java.util.Collection<UUID> clientIds) {
        return list("from DmiSnapshotEntity s where s.tenantId = ?1 and s.clientId in ?2 and s.seq = "
                + "(select max(t.seq) from DmiSnapshotEntity t where t.tenantId = s.tenantId and t.clientId = s.clientId)",
                tenantId, clientIds);
    }

    /** The clients' snapshots measured after {@code from}, oldest first. */
    public Uni<List<DmiSnapshotEntity>> sinceOf(UUID tenantId, java.util.Collection<UUID> clientIds, Instant from) {
        return list("tenantId = ?1 and clientId in ?2 and measuredAt > ?3 order by seq", tenantId, clientIds, from);
    }

    /** Snapshots measured after {@code from}, oldest first. */
    public Uni<List<DmiSnapshotEntity>> since(UUID tenantId, UUID clientId, Instant from) {
        return list("tenantId = ?1 and clientId = ?2 and measuredAt > ?3 order by seq", tenantId, clientId, from);
    }

    /** Newest first; {@code after} is the last snapshot id of the previous page. */
    public Uni<List<DmiSnapshotEntity>> page(UUID tenantId, UUID clientId, SnapshotKind kind, UUID after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenantId and clientId = :clientId");
        Parameters parameters = Parameters.with("tenantId", tenantId).and("clientId", clientId);
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        if (after != null) {
            query.append(" and seq < (select s.seq from DmiSnapshotEntity s where s.tenantId = :tenantId"
                    + " and s.clientId = :clientId and s.id = :after)");
            parameters.and("after", after);
        }
        return find(query.append(" order by seq desc").toString(), parameters).page(0, limit).list();
    }

    /** The client's CYCLE snapshots measured at or after {@code from}, oldest first. */
    public Uni<List<DmiSnapshotEntity>> cyclesFrom(UUID tenantId, UUID clientId, Instant from) {
        return list("tenantId = ?1 and clientId = ?2 and kind = ?3 and measuredAt >= ?4 order by seq", tenantId,
                clientId, SnapshotKind.CYCLE, from);
    }
}
