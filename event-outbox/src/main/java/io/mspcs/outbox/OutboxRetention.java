package io.mspcs.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * Keeps the outbox (3 days, for diagnosis; the relay ignores deletes) and the processed-event log (45 days,
 * longer than topic retention so a replay still deduplicates) from growing without bound.
 */
@ApplicationScoped
public class OutboxRetention {

    static final Duration OUTBOX_KEEP = Duration.ofDays(3);
    static final Duration PROCESSED_KEEP = Duration.ofDays(45);

    private final Clock clock;

    public OutboxRetention(Clock clock) {
        this.clock = clock;
    }

    @Scheduled(cron = "{cs.retention.cron:0 17 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        var now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from outbox_event where timestamp < :before")
                        .setParameter("before", now.minus(OUTBOX_KEEP).atOffset(ZoneOffset.UTC)).executeUpdate()
                        .chain(() -> session.createNativeQuery("delete from processed_event where processed_at < :before")
                                .setParameter("before", now.minus(PROCESSED_KEEP).atOffset(ZoneOffset.UTC))
                                .executeUpdate())))
                .replaceWithVoid();
    }
}
