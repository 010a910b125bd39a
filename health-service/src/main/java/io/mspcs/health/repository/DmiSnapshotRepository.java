package io.mspcs.health.repository;

import io.mspcs.health.domain.SnapshotKind;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    // The batch reads of a recompute are read-only: their JSON contents are then neither deep-copied on load nor
    // compared at flush (it only reads snapshots; new ones are inserted).

    /** Each client's latest snapshot (by seq), read-only. */
    public Uni<List<DmiSnapshotEntity>> latestOf(UUID tenantId, java.util.Collection<UUID> clientIds) {
        return readOnly("from DmiSnapshotEntity s where s.tenantId = ?1 and s.clientId in ?2 and s.seq = "
                + "(select max(t.seq) from DmiSnapshotEntity t where t.tenantId = s.tenantId and t.clientId = s.clientId)",
                tenantId, clientIds, null);
    }

    /** The clients' snapshots measured after {@code from}, oldest first, read-only. */
    public Uni<List<DmiSnapshotEntity>> sinceOf(UUID tenantId, java.util.Collection<UUID> clientIds, Instant from) {
        return readOnly("from DmiSnapshotEntity s where s.tenantId = ?1 and s.clientId in ?2 and s.measuredAt > ?3"
                + " order by s.seq", tenantId, clientIds, from);
    }

    private static Uni<List<DmiSnapshotEntity>> readOnly(String hql, UUID tenantId, java.util.Collection<UUID> clientIds,
                                                         Instant from) {
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, DmiSnapshotEntity.class)
                    .setParameter(1, tenantId).setParameter(2, clientIds);
            return (from == null ? query : query.setParameter(3, from)).setReadOnly(true).getResultList();
        });
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
