package io.mspcs.health.service;

import io.mspcs.health.domain.ClientRegistration;
import io.mspcs.health.repository.ClientHealthEntity;
import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.outbox.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The health record of each client, kept from segmentation's events (health.md §5.1): ClientRegistered creates it
 * with every input MISSING and emits nothing; SegmentAssigned/SegmentChanged keep the segment that picks the
 * colour bands. These run inside the consumer's transaction, so they are not transactional themselves.
 */
@ApplicationScoped
public class ClientHealthService {

    private final ClientHealthRepository clients;
    private final RecomputeQueue recomputes;
    private final Clock clock;

    public ClientHealthService(ClientHealthRepository clients, RecomputeQueue recomputes, Clock clock) {
        this.clients = clients;
        this.recomputes = recomputes;
        this.clock = clock;
    }

    /** A repeated registration (a replay under a new event id) changes nothing: the first one wins. */
    public Uni<Void> register(UUID tenantId, ClientRegistration registration) {
        Instant now = now();
        return clients.findInTenant(tenantId, registration.clientId())
                .chain(existing -> {
                    if (existing != null && existing.registered()) {
                        return Uni.createFrom().voidItem();
                    }
                    ClientHealthEntity client = existing != null ? existing
                            : ClientHealthEntity.stub(tenantId, registration.clientId(), now);
                    client.register(registration.source(), registration.externalId(), registration.name(),
                            registration.status(), registration.registeredAt(), now);
                    return existing != null ? Uni.createFrom().voidItem() : clients.persist(client).replaceWithVoid();
                });
    }

    /**
     * Keeps the segment and its provisional flag if {@code eventTime} is newer than the one applied. A client not
     * registered yet gets a stub that its ClientRegistered completes (health.md §8).
     */
    public Uni<Void> applySegment(UUID tenantId, UUID clientId, String segment, boolean provisional, Instant eventTime,
                                  EventContext context) {
        Instant now = now();
        return clients.findInTenant(tenantId, clientId)
                .chain(existing -> {
                    ClientHealthEntity client = existing != null ? existing : ClientHealthEntity.stub(tenantId, clientId, now);
                    boolean applied = client.applySegment(segment, provisional, eventTime, now);
                    if (applied && client.registered()) {
                        // the recompute locks this row, so it runs only after this transaction committed
                        client.dirtyAt = now;
                        recomputes.schedule(tenantId, java.util.Set.of(clientId), "SEGMENT_CHANGED", context);
                    }
                    return existing != null ? Uni.createFrom().voidItem() : clients.persist(client).replaceWithVoid();
                });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
