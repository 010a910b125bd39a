package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ConditionStateRepository implements PanacheRepositoryBase<ConditionStateEntity, UUID> {

    /** Outcome of recording a fact: applied (newer) or stale, and the state it replaced. */
    public record Applied(boolean applied, String previousState) {
    }

    /** Moves the condition only on a newer fact (§7.3 rule 4). */
    public Uni<Applied> record(UUID tenantId, UUID clientId, String key, String state, Instant eventTime, UUID eventId,
                               Instant now) {
        return find("tenantId = ?1 and clientId = ?2 and key = ?3", tenantId, clientId, key).firstResult()
                .chain(row -> {
                    if (row != null && row.eventTime.isAfter(eventTime)) {
                        return Uni.createFrom().item(new Applied(false, row.state));
                    }
                    String previous = row == null ? null : row.state;
                    ConditionStateEntity target = row;
                    if (target == null) {
                        target = new ConditionStateEntity();
                        target.id = UUID.randomUUID();
                        target.tenantId = tenantId;
                        target.clientId = clientId;
                        target.key = key;
                        target.createdAt = now;
                    }
                    target.state = state;
                    target.eventTime = eventTime;
                    target.eventId = eventId;
                    target.updatedAt = now;
                    return (row == null ? persist(target) : Uni.createFrom().item(target))
                            .replaceWith(new Applied(true, previous));
                });
    }
}
