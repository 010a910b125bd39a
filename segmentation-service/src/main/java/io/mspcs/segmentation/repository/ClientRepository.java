package io.mspcs.segmentation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Every query is scoped by tenant: another tenant's client is simply not found. */
@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<ClientEntity, UUID> {

    public Uni<ClientEntity> findInTenant(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and id = ?2", tenantId, clientId).firstResult();
    }

    public Uni<List<ClientEntity>> findByExternalIds(UUID tenantId, String source, Collection<String> externalIds) {
        return list("tenantId = ?1 and source = ?2 and externalId in ?3", tenantId, source, externalIds);
    }

    /** A page ordered by id; {@code after} is the last id of the previous page. */
    public Uni<List<ClientEntity>> page(UUID tenantId, UUID after, int limit) {
        return after == null
                ? find("tenantId = ?1 order by id", tenantId).page(0, limit).list()
                : find("tenantId = ?1 and id > ?2 order by id", tenantId, after).page(0, limit).list();
    }
}
