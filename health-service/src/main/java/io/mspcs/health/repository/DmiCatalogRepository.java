package io.mspcs.health.repository;

import io.mspcs.health.domain.DmiCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.IntStream;

/** The tenant's catalogue versions; the PUBLISHED one is active. */
@ApplicationScoped
public class DmiCatalogRepository implements PanacheRepositoryBase<DmiCatalogEntity, UUID> {

    // Two first writes of a new tenant may race to create its catalogue: the loser inserts nothing and reads
    // the winner's (the unique index makes it wait for the winner's commit).
    private static final String INSERT_IF_ABSENT = """
            insert into dmi_catalog (id, tenant_id, catalog_version, status, change_note, published_at, published_by,
                                     created_at, updated_at, version)
            values (:id, :tenantId, :catalogVersion, 'PUBLISHED', :changeNote, :at, :by, :at, :at, 0)
            on conflict do nothing
            """;

    private final DmiInsightRepository insights;

    public DmiCatalogRepository(DmiInsightRepository insights) {
        this.insights = insights;
    }

    /** The active catalogue, or null when the tenant has none yet. */
    public Uni<DmiCatalog> findPublished(UUID tenantId) {
        return find("tenantId = ?1 and status = ?2", tenantId, DmiCatalogEntity.PUBLISHED).firstResult()
                .chain(catalog -> catalog == null ? Uni.createFrom().nullItem()
                        : insights.ofCatalog(tenantId, catalog.id).map(rows -> new DmiCatalog(catalog.catalogVersion,
                        rows.stream().map(DmiInsightEntity::toInsight).toList())));
    }

    /** Publishes {@code catalog} as the tenant's first version; false when another transaction did it first. */
    public Uni<Boolean> publishFirst(UUID tenantId, DmiCatalog catalog, String changeNote, String by, Instant at) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_IF_ABSENT)
                        .setParameter("id", id)
                        .setParameter("tenantId", tenantId)
                        .setParameter("catalogVersion", catalog.version())
                        .setParameter("changeNote", changeNote)
                        .setParameter("at", at.atOffset(ZoneOffset.UTC))
                        .setParameter("by", by)
                        .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(false)
                        : insights.persist(IntStream.range(0, catalog.insights().size())
                                .mapToObj(i -> DmiInsightEntity.of(tenantId, id, i, catalog.insights().get(i), at)))
                        .replaceWith(true));
    }

    public Uni<DmiCatalogEntity> entityWithStatus(UUID tenantId, String status) {
        return find("tenantId = ?1 and status = ?2", tenantId, status).firstResult();
    }

    public Uni<DmiCatalogEntity> byVersion(UUID tenantId, int catalogVersion) {
        return find("tenantId = ?1 and catalogVersion = ?2", tenantId, catalogVersion).firstResult();
    }

    /** Newest first. */
    public Uni<java.util.List<DmiCatalogEntity>> all(UUID tenantId) {
        return list("tenantId = ?1 order by catalogVersion desc", tenantId);
    }

    public Uni<Integer> maxVersion(UUID tenantId) {
        return find("select max(c.catalogVersion) from DmiCatalogEntity c where c.tenantId = ?1", tenantId)
                .project(Integer.class).firstResult().map(max -> max == null ? 0 : max);
    }
}
