package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CadenceLineRepository implements PanacheRepositoryBase<CadenceLineEntity, UUID> {

    public Uni<List<CadenceLineEntity>> activeOf(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 and active = true order by meetingType", tenantId, clientId);
    }

    /** Every line the client ever had, ended ones included. */
    public Uni<List<CadenceLineEntity>> allOf(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 order by meetingType, createdAt", tenantId, clientId);
    }
}
