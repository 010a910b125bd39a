package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HealthAlertRepository implements PanacheRepositoryBase<HealthAlertEntity, UUID> {

    /** What a recompute needs: the open alerts and the overrides still suppressing at {@code now}. */
    public Uni<List<HealthAlertEntity>> liveOf(UUID tenantId, Collection<UUID> clientIds, Instant now) {
        return list("tenantId = ?1 and clientId in ?2 and (status = 'OPEN' or (clearedBy = 'OVERRIDE' "
                + "and overrideExpiresAt > ?3 and suppressed is not null))", tenantId, clientIds, now);
    }

    /** Open, and cleared after {@code clearedAfter}; newest first. */
    public Uni<List<HealthAlertEntity>> recentOf(UUID tenantId, UUID clientId, Instant clearedAfter) {
        return list("tenantId = ?1 and clientId = ?2 and (status = 'OPEN' or clearedAt > ?3) order by openedAt desc, id",
                tenantId, clientId, clearedAfter);
    }

    public Uni<List<HealthAlertEntity>> openOf(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 and status = 'OPEN' order by openedAt, id", tenantId, clientId);
    }

    public Uni<HealthAlertEntity> findGate(UUID tenantId, UUID clientId, UUID gateId) {
        return find("tenantId = ?1 and clientId = ?2 and id = ?3 and family = 'GATE'", tenantId, clientId, gateId)
                .firstResult();
    }
}
