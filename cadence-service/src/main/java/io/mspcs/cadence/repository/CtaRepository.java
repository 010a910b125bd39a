package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.CtaStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Every query is scoped by tenant: another tenant's CTA is simply not found. */
@ApplicationScoped
public class CtaRepository implements PanacheRepositoryBase<CtaEntity, UUID> {

    public Uni<CtaEntity> findInTenant(UUID tenantId, UUID ctaId) {
        return find("tenantId = ?1 and id = ?2", tenantId, ctaId).firstResult();
    }

    /** The one open CTA of a dedupe key, if any (the partial unique index guarantees at most one). */
    public Uni<CtaEntity> findOpen(UUID tenantId, UUID clientId, CtaKind kind, String dedupeKey) {
        return find("tenantId = ?1 and clientId = ?2 and kind = ?3 and dedupeKey = ?4 and status <> ?5",
                tenantId, clientId, kind, dedupeKey, CtaStatus.CLOSED).firstResult();
    }

    /** A dismissal with {@code suppressDays} still running on this dedupe key (cadence.md §5.3). */
    public Uni<Boolean> suppressed(UUID tenantId, UUID clientId, String dedupeKey, java.time.Instant now) {
        return count("tenantId = ?1 and clientId = ?2 and dedupeKey = ?3 and status = ?4 and suppressUntil > ?5",
                tenantId, clientId, dedupeKey, CtaStatus.CLOSED, now).map(n -> n > 0);
    }

    public Uni<List<CtaEntity>> findOpenOfClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 and status <> ?3 order by id", tenantId, clientId, CtaStatus.CLOSED);
    }

    /** A page ordered by id; {@code after} is the last id of the previous page. */
    public Uni<List<CtaEntity>> page(UUID tenantId, CtaFilter filter, UUID after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenantId");
        Parameters parameters = Parameters.with("tenantId", tenantId);
        if (filter.clientId() != null) {
            query.append(" and clientId = :clientId");
            parameters.and("clientId", filter.clientId());
        }
        if (filter.statuses() != null) {
            query.append(" and status in :statuses");
            parameters.and("statuses", filter.statuses());
        }
        if (filter.kind() != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return find(query.append(" order by id").toString(), parameters).page(0, limit).list();
    }

    /** Any CTA, open or closed, ever opened under this dedupe key (once-per-subject rules fire once). */
    public Uni<Boolean> anyWithKey(UUID tenantId, UUID clientId, String dedupeKey) {
        return count("tenantId = ?1 and clientId = ?2 and dedupeKey = ?3", tenantId, clientId, dedupeKey).map(n -> n > 0);
    }
}
