package io.mspcs.cadence.repository;

import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class TimerRepository implements PanacheRepositoryBase<TimerEntity, UUID> {

    /** A state change voids the pending timers of its subject in the same transaction (cadence.md §3.2). */
    public Uni<Integer> voidPending(UUID tenantId, UUID subjectId, String kind, Instant at) {
        return update("state = 'VOID', updatedAt = ?4, version = version + 1 "
                + "where tenantId = ?1 and subjectId = ?2 and kind = ?3 and state = 'PENDING'", tenantId, subjectId, kind, at);
    }

    public Uni<Integer> voidAllOf(UUID tenantId, UUID subjectId, Instant at) {
        return update("state = 'VOID', updatedAt = ?3, version = version + 1 "
                + "where tenantId = ?1 and subjectId = ?2 and state = 'PENDING'", tenantId, subjectId, at);
    }

    public Uni<TimerEntity> plan(UUID tenantId, UUID clientId, String kind, UUID subjectId, Instant fireAt, Instant at) {
        return persist(TimerEntity.of(tenantId, clientId, kind, subjectId, fireAt, at));
    }
}
