package io.mspcs.gateway.service;

import io.mspcs.gateway.repository.IntegrationRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The inbound callback log's retention: once a day, callbacks that finished (delivered, rejected, skipped, given up)
 * more than 30 days ago are deleted in batches, one statement and one transaction per batch, so a backlog never holds
 * one long transaction. Pending callbacks stay. 30 days like the webhook delivery log: long enough to answer "what
 * happened to that PSA event", and the dedupe keys of older callbacks are no longer needed (PSAs retry for hours,
 * not weeks). {@code gateway.integrations.retention-cron} sets when ({@code off} disables it).
 */
@ApplicationScoped
public class CallbackRetention {

    static final Duration KEPT = Duration.ofDays(30);
    static final int BATCH = 5_000;
    private static final Logger LOG = Logger.getLogger(CallbackRetention.class);

    private final IntegrationRepository repository;
    private final Clock clock;

    public CallbackRetention(IntegrationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Scheduled(cron = "{gateway.integrations.retention-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().invoke(deleted -> LOG.infof("callback retention deleted %d inbound callbacks", deleted))
                .replaceWithVoid();
    }

    /** Deletes every tenant's callbacks that finished before the retention; answers how many. */
    public Uni<Long> purge() {
        return batches(clock.instant().minus(KEPT), 0L);
    }

    private Uni<Long> batches(Instant cutoff, long sofar) {
        return repository.deleteFinishedBefore(cutoff, BATCH)
                .chain(deleted -> deleted < BATCH ? Uni.createFrom().item(sofar + deleted)
                        : batches(cutoff, sofar + deleted));
    }
}
