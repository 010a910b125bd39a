package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ClientViewRepository implements PanacheRepositoryBase<ClientViewEntity, UUID> {

    public Uni<ClientViewEntity> findClient(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2", tenantId, clientId).firstResult();
    }

    /** The client's row, created as a stub when this is the first fact cadence hears about it. */
    public Uni<ClientViewEntity> findOrStub(UUID tenantId, UUID clientId, Instant at) {
        return findClient(tenantId, clientId)
                .onItem().ifNull().switchTo(() -> persist(ClientViewEntity.stub(tenantId, clientId, at)));
    }
}
