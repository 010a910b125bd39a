package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Every query is scoped by tenant: another tenant's client is simply not found. */
@ApplicationScoped
public class ClientHealthRepository implements PanacheRepositoryBase<ClientHealthEntity, UUID> {

    public Uni<ClientHealthEntity> findInTenant(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2", tenantId, clientId).firstResult();
    }

    /** Locks a batch of clients' rows in id order (a fixed order, so two batches never deadlock). */
    public Uni<List<ClientHealthEntity>> lockMany(UUID tenantId, Collection<UUID> clientIds) {
        return find("tenantId = ?1 and clientId in ?2 order by clientId", tenantId, clientIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Registered, not churned clients of a tenant, by id. */
    public Uni<List<UUID>> activeIds(UUID tenantId) {
        return find("select c.clientId from ClientHealthEntity c where c.tenantId = ?1 and c.registeredAt is not null"
                + " and (c.status is null or c.status <> ?2) order by c.clientId", tenantId,
                io.mspcs.health.domain.ClientStatus.CHURNED).project(UUID.class).list();
    }

    /** Clients marked dirty whose recompute did not happen (a crash, a failed batch), for the sweep. */
    public Uni<List<ClientHealthEntity>> dirty(int limit) {
        return find("dirtyAt is not null order by dirtyAt").page(0, limit).list();
    }

    /** Locks the client's row so one client's recomputes never interleave (health.md §8, per-client order). */
    public Uni<ClientHealthEntity> lockInTenant(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2", tenantId, clientId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
