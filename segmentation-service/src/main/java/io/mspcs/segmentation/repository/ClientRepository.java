package io.mspcs.segmentation.repository;

import io.mspcs.segmentation.domain.ClientStatus;
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

    public Uni<List<ClientEntity>> findByExternalIds(UUID tenantId, Collection<String> sourceAndIds) {
        return list("tenantId = ?1 and concat(source, '/', externalId) in ?2", tenantId, sourceAndIds);
    }

    public Uni<ClientEntity> findByExternalId(UUID tenantId, String source, String externalId) {
        return find("tenantId = ?1 and source = ?2 and externalId = ?3", tenantId, source, externalId).firstResult();
    }

    public Uni<List<ClientEntity>> findAllInTenant(UUID tenantId, Collection<UUID> ids) {
        return list("tenantId = ?1 and id in ?2", tenantId, ids);
    }

    public Uni<List<ClientEntity>> active(UUID tenantId) {
        return list("tenantId = ?1 and status = ?2", tenantId, ClientStatus.ACTIVE);
    }

    public Uni<Long> countInTenant(UUID tenantId) {
        return count("tenantId", tenantId);
    }
}
