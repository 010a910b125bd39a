package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ClientViewRepository implements PanacheRepositoryBase<ClientViewEntity, UUID> {

    public Uni<ClientViewEntity> findByClient(UUID tenantId, UUID clientId) {
        return find("tenantId = ?1 and clientId = ?2", tenantId, clientId).firstResult();
    }

    /** One currency per tenant (roadmap.md §2): the one its registered clients carry, if any is known yet. */
    public Uni<String> tenantCurrency(UUID tenantId) {
        return find("tenantId = ?1 and provisional = false", tenantId).firstResult()
                .map(view -> view == null ? null : view.currency);
    }
}
