package io.mspcs.health.service;

import io.mspcs.health.domain.DefaultDmiCatalog;
import io.mspcs.health.domain.DmiCatalog;
import io.mspcs.health.repository.DmiCatalogRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The tenant's active DMI catalogue. Every tenant starts with the default catalogue (health.md §2.2); it is stored
 * on the tenant's first DMI write, so reads before that use the same default without writing.
 */
@ApplicationScoped
public class DmiCatalogService {

    static final String SYSTEM = "system";
    static final String DEFAULT_NOTE = "Default catalogue";

    private final DmiCatalogRepository catalogs;

    public DmiCatalogService(DmiCatalogRepository catalogs) {
        this.catalogs = catalogs;
    }

    /** For reads: the stored active catalogue, else the default one. */
    public Uni<DmiCatalog> active(UUID tenantId) {
        return catalogs.findPublished(tenantId)
                .map(catalog -> catalog != null ? catalog : DefaultDmiCatalog.v1());
    }

    /** For writes (inside their transaction): the stored active catalogue, storing the default one first if needed. */
    public Uni<DmiCatalog> activeForWrite(UUID tenantId, Instant at) {
        return catalogs.findPublished(tenantId).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            DmiCatalog defaults = DefaultDmiCatalog.v1();
            return catalogs.publishFirst(tenantId, defaults, DEFAULT_NOTE, SYSTEM, at)
                    .chain(published -> published ? Uni.createFrom().item(defaults) : catalogs.findPublished(tenantId));
        });
    }
}
