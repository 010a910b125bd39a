package io.mspcs.segmentation.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.segmentation.domain.SegmentEvaluator.Trigger;
import io.mspcs.segmentation.repository.ClientRepository;
import io.mspcs.segmentation.repository.PolicyRepository;
import io.mspcs.segmentation.repository.SegmentAssignmentRepository;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.TenantScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The sweep (segmentation.md §3.5): ends due overrides, releases holds whose day limit passed and applies timed
 * promotions. Driven by the injected clock; running it twice changes nothing the second time.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);

    private final SegmentAssignmentRepository assignments;
    private final ClientRepository clients;
    private final PolicyRepository policies;
    private final SegmentService segments;
    private final OverrideService overrides;
    private final Clock clock;

    public SweepService(SegmentAssignmentRepository assignments, ClientRepository clients, PolicyRepository policies,
                        SegmentService segments, OverrideService overrides, Clock clock) {
        this.assignments = assignments;
        this.clients = clients;
        this.policies = policies;
        this.segments = segments;
        this.overrides = overrides;
        this.clock = clock;
    }

    /** What one sweep did for a tenant. */
    public record SweepResult(Instant ranAt, int overridesEnded, int segmentsChanged) {
    }

    @WithTransaction
    public Uni<SweepResult> sweep(UUID tenantId, EventContext context) {
        return sweepInTransaction(tenantId, context);
    }

    private Uni<SweepResult> sweepInTransaction(UUID tenantId, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return policies.active(tenantId).chain(policy -> backfill(tenantId, policy, context, now)
                .chain(() -> assignments.overridesDue(tenantId, now))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(row -> clients.findInTenant(tenantId, row.clientId)
                                .chain(client -> overrides.end(client, row, policy, true, null, context, now)))
                        .collect().asList())
                .chain(ended -> segments.reevaluateAll(tenantId, policy, Trigger.SWEEP, context, now)
                        .map(changed -> new SweepResult(now, ended.size(), changed))));
    }

    /** Clients registered before segments existed get their provisional record (and SegmentAssigned) here. */
    private Uni<Void> backfill(UUID tenantId, io.mspcs.segmentation.domain.SegmentationPolicy policy,
                               EventContext context, Instant now) {
        return clients.active(tenantId).chain(active -> assignments.allInTenant(tenantId).chain(rows -> {
            java.util.Set<UUID> placed = new java.util.HashSet<>();
            rows.forEach(r -> placed.add(r.clientId));
            return Multi.createFrom().iterable(active.stream().filter(c -> !placed.contains(c.id)).toList())
                    .onItem().transformToUniAndConcatenate(client -> segments.register(client, policy,
                            segments.bandOf(client, policy, null), context, now))
                    .collect().asList().replaceWithVoid();
        }));
    }

    /**
     * Every 5 minutes for every tenant with clients: the tenants are found across all of them, then each is swept in
     * its own transaction under its own scope.
     */
    @Scheduled(every = "{segmentation.sweep.every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> scheduled() {
        return TenantTransactions.inTransaction(TenantScope.allTenants("segment sweep: tenants with clients"),
                        () -> clients.find("select distinct tenantId from ClientEntity").project(UUID.class).list())
                .chain(tenants -> Multi.createFrom().iterable(tenants)
                        .onItem().transformToUniAndConcatenate(tenant -> TenantTransactions.inTransaction(TenantScope.tenant(tenant),
                                () -> sweepInTransaction(tenant, EventContext.ofRequest(tenant, "sweep-" + UUID.randomUUID())))
                                .onFailure().invoke(e -> LOG.warnf(e, "sweep of tenant %s failed", tenant))
                                .onFailure().recoverWithNull())
                        .collect().asList())
                .replaceWithVoid();
    }
}
