package io.mspcs.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.session.ReactiveSession;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Appends events to the service's {@code outbox_event} table in the caller's transaction, so an event exists
 * exactly when its state change committed. Debezium relays the rows to Kafka; services never publish directly.
 * The current {@code traceparent} goes into its column, so the relay hands the trace on as a Kafka header.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final Logger LOG = Logger.getLogger(OutboxWriter.class);

    // The payload goes through text so the driver never sends a JSON string literal (double encoding).
    private static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, timestamp, tenant_id, partition_key,
                                      correlation_id, causation_id, traceparent, payload)
            values (:id, :aggregateType, :aggregateId, :type, :time, :tenantId, :partitionKey,
                    :correlationId, :causationId, :traceparent, cast(cast(:payload as text) as jsonb))
            """;

    private final Clock clock;
    private final String source;
    private final MeterRegistry meters;

    public OutboxWriter(Clock clock, @ConfigProperty(name = "quarkus.application.name") String applicationName,
                        MeterRegistry meters) {
        this.clock = clock;
        this.source = "/cs/" + applicationName;
        this.meters = meters;
    }

    /** Must run inside a reactive transaction ({@code @WithTransaction} or {@code Panache.withTransaction}). */
    public Uni<EventEnvelope> append(OutgoingEvent event, EventContext context) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), source, event.type(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), event.subject(), context.tenantId(),
                context.correlationId(), context.causationId(), EventCodec.toData(event.data()));
        String traceparent = Traceparent.current();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", envelope.id())
                        .setParameter("aggregateType", event.aggregateType())
                        .setParameter("aggregateId", event.aggregateId())
                        .setParameter("type", envelope.type())
                        .setParameter("time", envelope.time().atOffset(ZoneOffset.UTC))
                        .setParameter("tenantId", envelope.tenantId())
                        .setParameter("partitionKey", envelope.partitionKey())
                        .setParameter("correlationId", envelope.correlationId())
                        .setParameter("causationId", envelope.causationId())
                        .setParameter("traceparent", traceparent)
                        .setParameter("payload", EventCodec.write(envelope))
                        .executeUpdate()
                        .invoke(() -> countWhenCommitted(session, envelope.type())))
                .replaceWith(envelope);
    }

    /**
     * {@code cs_events_published_total{type}} counts committed rows only: a rolled-back event was never published.
     * Hibernate Reactive runs after-completion processes of the session's action queue once the transaction ends.
     */
    private void countWhenCommitted(Mutiny.Session session, String type) {
        ReactiveSession reactive = null;
        try {
            if (session instanceof MutinySessionImpl impl) {
                reactive = impl.unwrap(ReactiveSession.class);
            }
        } catch (RuntimeException e) {
            LOG.debugf("no reactive session to hook the commit into: %s", e.getMessage());
        }
        if (reactive == null) {
            published(type); // no commit hook available: count at append time rather than never
            return;
        }
        reactive.getReactiveActionQueue().registerProcess((success, s) -> {
            if (success) {
                published(type);
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private void published(String type) {
        meters.counter("cs_events_published_total", "type", type).increment();
    }
}
