package io.mspcs.health.service;

import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.TenantScope;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Coalesces recompute requests after their commit (health.md §8): marks collected for 250 ms are recomputed in
 * batches of clients, one transaction per batch, one run at a time (so one client's recomputes never interleave).
 * A whole-tenant request (model publish) re-scores every active client in the background. Marks persist as
 * {@code dirty_at}, so a crash or a failed batch is picked up by the sweep.
 */
@ApplicationScoped
public class RecomputeQueue {

    static final long COALESCE_MS = 250;
    static final int BATCH = 250;
    private static final Logger LOG = Logger.getLogger(RecomputeQueue.class);

    private final Vertx vertx;
    private final ClientHealthRepository clients;
    private final HealthScoringService scoring;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private boolean armed;
    private boolean running;
    private volatile long lastRunMillis;

    public RecomputeQueue(Vertx vertx, ClientHealthRepository clients, HealthScoringService scoring) {
        this.vertx = vertx;
        this.clients = clients;
        this.scoring = scoring;
    }

    /** One coalesced request: clients of a tenant (or all of them) for one trigger; the first context wins. */
    private static final class Pending {
        final UUID tenantId;
        final String trigger;
        final EventContext context;
        final Set<UUID> clientIds = new LinkedHashSet<>();
        boolean all;

        Pending(UUID tenantId, String trigger, EventContext context) {
            this.tenantId = tenantId;
            this.trigger = trigger;
            this.context = context;
        }
    }

    public synchronized void schedule(UUID tenantId, Set<UUID> clientIds, String trigger, EventContext context) {
        if (clientIds.isEmpty()) {
            return;
        }
        pending.computeIfAbsent(tenantId + "/" + trigger, k -> new Pending(tenantId, trigger, context))
                .clientIds.addAll(clientIds);
        arm();
    }

    public synchronized void scheduleTenant(UUID tenantId, String trigger, EventContext context) {
        pending.computeIfAbsent(tenantId + "/" + trigger, k -> new Pending(tenantId, trigger, context)).all = true;
        arm();
    }

    /** Milliseconds the last run took (for diagnostics and the benchmark). */
    public long lastRunMillis() {
        return lastRunMillis;
    }

    public synchronized boolean idle() {
        return pending.isEmpty() && !running && !armed;
    }

    private void arm() {
        if (!armed && !running) {
            armed = true;
            vertx.setTimer(COALESCE_MS, id -> run());
        }
    }

    private void run() {
        List<Pending> work;
        synchronized (this) {
            armed = false;
            running = true;
            work = new ArrayList<>(pending.values());
            pending.clear();
        }
        long started = System.nanoTime();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Pending request : work) {
                chain = chain.chain(() -> process(request));
            }
            chain.subscribe().with(done -> finished(started), failure -> {
                LOG.error("recompute run failed; dirty clients stay marked for the sweep", failure);
                finished(started);
            });
        });
    }

    private synchronized void finished(long started) {
        lastRunMillis = (System.nanoTime() - started) / 1_000_000;
        running = false;
        if (!pending.isEmpty()) {
            arm();
        }
    }

    private Uni<Void> process(Pending request) {
        // a request is one tenant's, so every statement runs under that tenant (no cross-tenant batch)
        TenantScope scope = TenantScope.tenant(request.tenantId);
        Uni<List<UUID>> ids = request.all
                ? TenantTransactions.inTransaction(scope, () -> clients.activeIds(request.tenantId))
                : Uni.createFrom().item(List.copyOf(request.clientIds));
        return ids.chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int from = 0; from < list.size(); from += BATCH) {
                List<UUID> batch = list.subList(from, Math.min(list.size(), from + BATCH));
                chain = chain.chain(() -> TenantTransactions.inTransaction(scope, () ->
                                scoring.recompute(request.tenantId, batch, request.trigger, request.context))
                        .onFailure().invoke(e -> LOG.errorf(e, "recompute of %d clients of tenant %s failed",
                                batch.size(), request.tenantId))
                        .onFailure().recoverWithNull().replaceWithVoid());
            }
            return chain;
        });
    }

    /** The sweep (health.md §8): clients left dirty are recomputed; a second run finds nothing. */
    @Scheduled(every = "15m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        // finding the dirty clients is the only cross-tenant step; their recompute runs per tenant (process)
        return TenantTransactions.inTransaction(TenantScope.allTenants("recompute sweep: dirty clients of every tenant"),
                () -> clients.dirty(500)).invoke(dirty -> {
            Map<UUID, Set<UUID>> byTenant = new LinkedHashMap<>();
            dirty.forEach(c -> byTenant.computeIfAbsent(c.tenantId, t -> new LinkedHashSet<>()).add(c.clientId));
            byTenant.forEach((tenant, ids) -> schedule(tenant, ids, "SCHEDULED",
                    EventContext.ofRequest(tenant, "sweep-" + UUID.randomUUID())));
        }).replaceWithVoid();
    }
}
