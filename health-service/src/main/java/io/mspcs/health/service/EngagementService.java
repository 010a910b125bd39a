package io.mspcs.health.service;

import io.mspcs.health.repository.EngagementStore;
import io.mspcs.outbox.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the engagement read models from cadence's events and re-scores the client (trigger ENGAGEMENT, health.md
 * §5.1). Runs inside the consumer's transaction; the recompute itself waits for the client row, i.e. the commit.
 */
@ApplicationScoped
public class EngagementService {

    private final EngagementStore store;
    private final RecomputeQueue recomputes;
    private final Clock clock;

    public EngagementService(EngagementStore store, RecomputeQueue recomputes, Clock clock) {
        this.store = store;
        this.recomputes = recomputes;
        this.clock = clock;
    }

    public record Held(UUID clientId, UUID meetingId, boolean strategic, String meetingType, Instant heldAt,
                       boolean onTime, boolean decisionMakerPresent, boolean execSponsorPresent, Instant recapDueAt,
                       int decisions) {
    }

    public Uni<Void> held(UUID tenantId, Held held, EventContext context) {
        Instant now = now();
        return store.meetingHeld(tenantId, held.clientId(), held.meetingId(), held.strategic(), held.meetingType(),
                        held.heldAt(), held.onTime(), held.decisionMakerPresent(), held.execSponsorPresent(),
                        held.recapDueAt(), held.decisions(), now)
                .chain(() -> rescore(tenantId, held.clientId(), context, now));
    }

    public Uni<Void> recap(UUID tenantId, UUID clientId, UUID meetingId, boolean onTime, int decisions,
                           EventContext context) {
        Instant now = now();
        return store.recapRecorded(tenantId, meetingId, onTime, decisions, now)
                .chain(() -> rescore(tenantId, clientId, context, now));
    }

    public Uni<Void> missed(UUID tenantId, UUID clientId, UUID slotId, boolean strategic, Instant dueAt, String reason,
                            EventContext context) {
        Instant now = now();
        return store.meetingMissed(tenantId, clientId, slotId, strategic, dueAt, reason, now)
                .chain(() -> rescore(tenantId, clientId, context, now));
    }

    public Uni<Void> decided(UUID tenantId, UUID clientId, UUID proposalId, Instant decidedAt, EventContext context) {
        Instant now = now();
        return store.proposalDecided(tenantId, clientId, proposalId, decidedAt, now)
                .chain(() -> rescore(tenantId, clientId, context, now));
    }

    public Uni<Void> proposalSent(UUID tenantId, UUID clientId, UUID proposalId, Instant sentAt, EventContext context) {
        Instant now = now();
        return store.proposalSent(tenantId, clientId, proposalId, sentAt, now)
                .chain(() -> rescore(tenantId, clientId, context, now));
    }

    public Uni<Void> proposalClosed(UUID tenantId, UUID clientId, UUID proposalId, Instant closedAt,
                                    EventContext context) {
        Instant now = now();
        return store.proposalClosed(tenantId, clientId, proposalId, closedAt, now)
                .chain(() -> rescore(tenantId, clientId, context, now));
    }

    /** InitiativeCompleted (health.md §5.1): re-score; expected moves are not stored yet. */
    public Uni<Void> initiativeCompleted(UUID tenantId, UUID clientId, EventContext context) {
        return rescore(tenantId, clientId, context, now(), "INITIATIVE_COMPLETED");
    }

    private Uni<Void> rescore(UUID tenantId, UUID clientId, EventContext context, Instant now) {
        return rescore(tenantId, clientId, context, now, "ENGAGEMENT");
    }

    private Uni<Void> rescore(UUID tenantId, UUID clientId, EventContext context, Instant now, String trigger) {
        return store.markDirty(tenantId, clientId, now).invoke(known -> {
            if (known) {
                recomputes.schedule(tenantId, Set.of(clientId), trigger, context);
            }
        }).replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
