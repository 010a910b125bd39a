package io.mspcs.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code cs_outbox_relay_lag_bytes{service}} and {@code cs_outbox_rows{service}} (architecture.md §10), sampled
 * on a schedule: a scrape must not wait for the database. NaN until the first sample (and while the slot is missing).
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final RelaySlot slot;
    private volatile double relayLagBytes = Double.NaN;
    private volatile double outboxRows = Double.NaN;

    public OutboxMetrics(RelaySlot slot, MeterRegistry meters, @ConfigProperty(name = "cs.outbox.service") String service) {
        this.slot = slot;
        Gauge.builder("cs_outbox_relay_lag_bytes", this, m -> m.relayLagBytes).tag("service", service)
                .description("WAL bytes the outbox relay has not confirmed yet").baseUnit("bytes").register(meters);
        Gauge.builder("cs_outbox_rows", this, m -> m.outboxRows).tag("service", service)
                .description("rows in the outbox table (kept 3 days)").register(meters);
    }

    void relayLag(long bytes) {
        relayLagBytes = bytes;
    }

    @Scheduled(every = "{cs.outbox.metrics-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sample() {
        return slot.state()
                .invoke(state -> relayLagBytes = state.map(s -> (double) s.lagBytes()).orElse(Double.NaN))
                .chain(slot::outboxRows)
                .invoke(rows -> outboxRows = rows)
                .onFailure().invoke(failure -> LOG.debugf("outbox metrics not sampled: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
