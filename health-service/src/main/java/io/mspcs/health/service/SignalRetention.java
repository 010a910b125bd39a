package io.mspcs.health.service;

import io.mspcs.health.repository.SignalStore;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.TenantScope;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Signal retention (health.md §8: signals 400 days): once a day, raw signals older than 400 days are deleted in
 * batches, one statement and one transaction per batch, so a large backlog never holds one long transaction.
 * {@code health.retention.cron} sets when ({@code off} disables it).
 */
@ApplicationScoped
public class SignalRetention {

    static final Duration KEEP = Duration.ofDays(400);
    static final int BATCH = 5_000;
    private static final Logger LOG = Logger.getLogger(SignalRetention.class);

    private final SignalStore signals;
    private final Clock clock;

    public SignalRetention(SignalStore signals, Clock clock) {
        this.signals = signals;
        this.clock = clock;
    }

    @Scheduled(cron = "{health.retention.cron:0 41 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().invoke(deleted -> LOG.infof("signal retention deleted %d signals", deleted)).replaceWithVoid();
    }

    /** Deletes every tenant's signals older than the retention; answers how many. */
    public Uni<Long> purge() {
        return batches(clock.instant().minus(KEEP), 0L);
    }

    private Uni<Long> batches(Instant cutoff, long sofar) {
        // cross-tenant on purpose: one delete over every tenant's expired rows per batch instead of a transaction
        // per tenant and batch; the statement touches only rows past the cutoff
        return TenantTransactions.inTransaction(TenantScope.allTenants("signal retention batch"),
                        () -> signals.deleteOlderThan(cutoff, BATCH))
                .chain(deleted -> deleted < BATCH ? Uni.createFrom().item(sofar + deleted)
                        : batches(cutoff, sofar + deleted));
    }
}
