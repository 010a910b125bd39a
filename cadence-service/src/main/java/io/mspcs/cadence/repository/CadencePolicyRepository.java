package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CadencePolicyRepository implements PanacheRepositoryBase<CadencePolicyEntity, UUID> {

    public Uni<CadencePolicyEntity> current(UUID tenantId) {
        return find("tenantId = ?1 order by policyVersion desc", tenantId).firstResult();
    }

    public Uni<CadencePolicyEntity> byVersion(UUID tenantId, int policyVersion) {
        return find("tenantId = ?1 and policyVersion = ?2", tenantId, policyVersion).firstResult();
    }

    public Uni<List<CadencePolicyEntity>> all(UUID tenantId) {
        return list("tenantId = ?1 order by policyVersion", tenantId);
    }
}
