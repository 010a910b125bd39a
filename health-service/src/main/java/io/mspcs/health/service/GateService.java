package io.mspcs.health.service;

import io.mspcs.health.messaging.GateEvents;
import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.health.repository.HealthAlertEntity;
import io.mspcs.health.repository.HealthAlertRepository;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Reads of gates and backup risks, and the CS leader's gate override (health.md §3.10, §6). */
@ApplicationScoped
public class GateService {

    static final Duration SHOWN_CLEARED = Duration.ofDays(180);
    static final Duration DEFAULT_OVERRIDE = Duration.ofDays(30);
    static final Duration MAX_OVERRIDE = Duration.ofDays(90);

    private final ClientHealthRepository clients;
    private final HealthAlertRepository alerts;
    private final ScoringModelService models;
    private final OutboxWriter outbox;
    private final Clock clock;

    public GateService(ClientHealthRepository clients, HealthAlertRepository alerts, ScoringModelService models,
                       OutboxWriter outbox, Clock clock) {
        this.clients = clients;
        this.alerts = alerts;
        this.models = models;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Open gates and risks, and those cleared in the last 180 days; newest first. */
    @WithTransaction
    public Uni<List<HealthAlertEntity>> recent(UUID tenantId, UUID clientId) {
        return registered(tenantId, clientId)
                .chain(() -> alerts.recentOf(tenantId, clientId, clock.instant().minus(SHOWN_CLEARED)));
    }

    /**
     * Clears an open gate by override; the insights it covered cannot reopen it until they recover or the override
     * expires (the recompute keeps {@code suppressed} up to date).
     */
    @WithTransaction
    public Uni<HealthAlertEntity> override(UUID tenantId, UUID clientId, UUID gateId, String principal, String reason,
                                           Instant expiresAt, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String why = reason == null ? null : reason.strip();
        if (why == null || why.length() < 10 || why.length() > 500) {
            return Uni.createFrom().failure(ProblemException.invalid("reason", "length",
                    "reason must be 10-500 characters"));
        }
        Instant expiry = expiresAt == null ? now.plus(DEFAULT_OVERRIDE) : expiresAt;
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(MAX_OVERRIDE))) {
            return Uni.createFrom().failure(ProblemException.invalid("expiresAt", "range",
                    "expiresAt must be in the next 90 days"));
        }
        return registered(tenantId, clientId)
                .chain(() -> alerts.findGate(tenantId, clientId, gateId))
                .chain(gate -> {
                    if (gate == null) {
                        throw ProblemException.notFound("Gate " + gateId);
                    }
                    if (!HealthAlertEntity.OPEN.equals(gate.status)) {
                        throw new ProblemException(409, "gate-not-open", "Gate not open",
                                "gate " + gateId + " is " + gate.status, List.of());
                    }
                    gate.clear("OVERRIDE", now);
                    gate.overrideBy = principal == null ? "unknown" : principal;
                    gate.overrideReason = why;
                    gate.overrideExpiresAt = expiry;
                    List<String> covered = gate.details.failing().stream().map(HealthAlertEntity.FailingValue::insightCode)
                            .toList();
                    // SEQUENCING is suppressed as a whole (until GREEN); an empty list would read as "nothing held"
                    gate.suppressed = new HealthAlertEntity.Suppressed(covered.isEmpty() ? List.of("*") : covered);
                    return models.active(tenantId)
                            .chain(model -> outbox.append(GateEvents.cleared(gate, model.version()), context))
                            .replaceWith(gate);
                });
    }

    private Uni<Void> registered(UUID tenantId, UUID clientId) {
        return clients.findInTenant(tenantId, clientId).map(client -> {
            if (client == null || !client.registered()) {
                throw ProblemException.notFound("Client " + clientId);
            }
            return null;
        });
    }
}
