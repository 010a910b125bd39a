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

    private static final String COLUMNS = """
            select s.id, s.client_id, s.seq, s.kind, s.period, s.measured_at, s.dmi, s.color, s.catalog_version,
                   s.dropped, s.flat_cycles, s.flat_since
            from dmi_snapshot s
            where s.tenant_id = :tenant
              and s.client_id in (select cast(v as uuid) from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) v)
            """;

    /**
     * The clients' latest snapshot each, as unmanaged values holding only what a recompute reads (id, client, seq,
     * kind, period, measuredAt, dmi, colour, catalogVersion, dropped, flatCycles, flatSince): plain rows of a native
     * query, so the contents JSON is neither parsed nor tracked.
     */
    public Uni<List<DmiSnapshotEntity>> latestOf(UUID tenantId, java.util.Collection<UUID> clientIds) {
        return points(COLUMNS + " and s.seq = (select max(t.seq) from dmi_snapshot t"
                + " where t.tenant_id = s.tenant_id and t.client_id = s.client_id)", tenantId, clientIds, null);
    }

    /** The clients' snapshots measured after {@code from}, oldest first, as {@link #latestOf} values. */
    public Uni<List<DmiSnapshotEntity>> sinceOf(UUID tenantId, java.util.Collection<UUID> clientIds, Instant from) {
        return points(COLUMNS + " and s.measured_at > :from order by s.seq", tenantId, clientIds, from);
    }

    private static Uni<List<DmiSnapshotEntity>> points(String sql, UUID tenantId, java.util.Collection<UUID> clientIds,
                                                       Instant from) {
        String ids = SqlJson.uuidArray(clientIds);
        return Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(sql, Object[].class)
                            .setParameter("tenant", tenantId).setParameter("ids", ids);
                    return (from == null ? query : query.setParameter("from", from.atOffset(java.time.ZoneOffset.UTC)))
                            .getResultList();
                })
                .map(rows -> rows.stream().map(DmiSnapshotRepository::point).toList());
    }

    private static DmiSnapshotEntity point(Object[] r) {
        DmiSnapshotEntity s = new DmiSnapshotEntity();
        s.id = (UUID) r[0];
        s.clientId = (UUID) r[1];
        s.seq = ((Number) r[2]).intValue();
        s.kind = SnapshotKind.valueOf((String) r[3]);
        s.period = r[4].toString().trim();
        s.measuredAt = SqlJson.instant(r[5]);
        s.dmi = (java.math.BigDecimal) r[6];
        s.color = io.mspcs.health.domain.Color.valueOf((String) r[7]);
        s.catalogVersion = ((Number) r[8]).intValue();
        s.dropped = (Boolean) r[9];
        s.flatCycles = ((Number) r[10]).intValue();
        s.flatSince = r[11] instanceof java.sql.Date date ? date.toLocalDate() : (java.time.LocalDate) r[11];
        return s;
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
