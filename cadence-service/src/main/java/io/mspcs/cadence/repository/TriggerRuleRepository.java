package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TriggerRuleRepository implements PanacheRepositoryBase<TriggerRuleEntity, UUID> {

    public Uni<TriggerRuleEntity> current(UUID tenantId, String ruleId) {
        return find("tenantId = ?1 and ruleId = ?2 order by ruleVersion desc", tenantId, ruleId).firstResult();
    }

    /** Every stored version of every rule of the tenant, oldest first. */
    public Uni<List<TriggerRuleEntity>> all(UUID tenantId) {
        return list("tenantId = ?1 order by ruleId, ruleVersion", tenantId);
    }

    public Uni<List<TriggerRuleEntity>> versions(UUID tenantId, String ruleId) {
        return list("tenantId = ?1 and ruleId = ?2 order by ruleVersion", tenantId, ruleId);
    }
}
