package io.mspcs.health.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review sweep (health.md §8): every 15 minutes, clients whose {@code nextReviewAt} has come are recomputed
 * (trigger SCHEDULED) in batches of 500, one transaction per batch. {@code SKIP LOCKED} lets parallel instances
 * share the work without waiting on each other; each recompute plans the client's next review in the future, so a
 * second run finds nothing and is silent. The same recompute takes the monthly CYCLE snapshot and writes the month
 * close (health.md §2.5) at a cycle close.
 */
@ApplicationScoped
public class HealthSweep {

    static final int BATCH = 500;
    static final String TRIGGER = "SCHEDULED";
    // bounds one run: a client whose review is planned again inside the run is left to the next run
    private static final int MAX_BATCHES = 200;

    private static final String DUE = """
            select c.tenant_id, c.client_id from client_health c
            where c.next_review_at <= :now and c.registered_at is not null
              and coalesce(c.status, 'ACTIVE') <> 'CHURNED'
              and (cast(:tenant as uuid) is null or c.tenant_id = cast(:tenant as uuid))
            order by c.next_review_at
            limit :limit
            for update skip locked
            """;

    private final HealthScoringService scoring;
    private final Clock clock;

    public HealthSweep(HealthScoringService scoring, Clock clock) {
        this.scoring = scoring;
        this.clock = clock;
    }

    /** What one run did. */
    public record Result(Instant ranAt, int clients, int records, int events) {

        Result plus(HealthScoringService.Outcome outcome, int due) {
            return new Result(ranAt, clients + due, records + outcome.records(), events + outcome.events());
        }
    }

    @Scheduled(every = "15m", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(null, null).replaceWithVoid();
    }

    /**
     * @param tenantId      only this tenant's clients (the operator trigger), or every tenant when null
     * @param correlationId the caller's correlation id, or null for a fresh one per tenant and batch
     */
    public Uni<Result> run(UUID tenantId, String correlationId) {
        Instant now = clock.instant();
        return batches(tenantId, correlationId, new Result(now, 0, 0, 0), 0);
    }

    private Uni<Result> batches(UUID tenantId, String correlationId, Result sofar, int done) {
        return TenantTransactions.inTransaction(batchScope(tenantId), () -> batch(tenantId, correlationId, sofar.ranAt()))
                .chain(batch -> {
                    Result result = sofar.plus(batch.outcome(), batch.due());
                    return batch.due() < BATCH || done + 1 >= MAX_BATCHES ? Uni.createFrom().item(result)
                            : batches(tenantId, correlationId, result, done + 1);
                });
    }

    /**
     * The operator trigger stays inside its tenant. A scheduled run's batch locks the due rows of every tenant with
     * one {@code SKIP LOCKED} select and must re-score them in that same transaction (the lock is what lets
     * instances share the work), so the batch is cross-tenant; every statement of the recompute still names its
     * tenant_id.
     */
    static TenantScope batchScope(UUID tenantId) {
        return tenantId == null ? TenantScope.allTenants("review sweep batch: due clients of every tenant")
                : TenantScope.tenant(tenantId);
    }

    private record Batch(int due, HealthScoringService.Outcome outcome) {
    }

    private Uni<Batch> batch(UUID tenantId, String correlationId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE, Object[].class)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .setParameter("tenant", tenantId)
                        .setParameter("limit", BATCH)
                        .getResultList())
                .chain(rows -> {
                    Map<UUID, List<UUID>> byTenant = new LinkedHashMap<>();
                    rows.forEach(r -> byTenant.computeIfAbsent((UUID) r[0], t -> new ArrayList<>()).add((UUID) r[1]));
                    Uni<HealthScoringService.Outcome> chain = Uni.createFrom().item(new HealthScoringService.Outcome(0, 0, 0));
                    for (Map.Entry<UUID, List<UUID>> tenant : byTenant.entrySet()) {
                        EventContext context = EventContext.ofRequest(tenant.getKey(),
                                correlationId != null ? correlationId : UUID.randomUUID().toString());
                        chain = chain.chain(total -> scoring.recompute(tenant.getKey(), tenant.getValue(), TRIGGER, context)
                                .map(outcome -> new HealthScoringService.Outcome(total.clients() + outcome.clients(),
                                        total.records() + outcome.records(), total.events() + outcome.events())));
                    }
                    return chain.map(outcome -> new Batch(rows.size(), outcome));
                });
    }
}
