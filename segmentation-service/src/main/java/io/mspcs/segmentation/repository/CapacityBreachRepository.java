package io.mspcs.segmentation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CapacityBreachRepository implements PanacheRepositoryBase<CapacityBreachEntity, UUID> {

    public Uni<List<CapacityBreachEntity>> allInTenant(UUID tenantId) {
        return list("tenantId", tenantId);
    }
}
