package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/** Every query is scoped by tenant: another tenant's client is simply not found. */
@ApplicationScoped
public class ClientHealthRepository implements PanacheRepositoryBase<ClientHealthEntity, UUID> {

    public Uni<ClientHealthEntity> findInTenant(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2", tenantId, clientId).firstResult();
    }

    /** Locks the client's row so one client's recomputes never interleave (health.md §8, per-client order). */
    public Uni<ClientHealthEntity> lockInTenant(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2", tenantId, clientId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
