package io.mspcs.outbox;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Appends events to the service's {@code outbox_event} table in the caller's transaction, so an event exists
 * exactly when its state change committed. Debezium relays the rows to Kafka; services never publish directly.
 */
@ApplicationScoped
public class OutboxWriter {

    // The payload goes through text so the driver never sends a JSON string literal (double encoding).
    private static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, timestamp, tenant_id, partition_key,
                                      correlation_id, causation_id, payload)
            values (:id, :aggregateType, :aggregateId, :type, :time, :tenantId, :partitionKey,
                    :correlationId, :causationId, cast(cast(:payload as text) as jsonb))
            """;

    private final Clock clock;
    private final String source;

    public OutboxWriter(Clock clock, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.clock = clock;
        this.source = "/cs/" + applicationName;
    }

    /** Must run inside a reactive transaction ({@code @WithTransaction} or {@code Panache.withTransaction}). */
    public Uni<EventEnvelope> append(OutgoingEvent event, EventContext context) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), source, event.type(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), event.subject(), context.tenantId(),
                context.correlationId(), context.causationId(), EventCodec.toData(event.data()));
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
                        .setParameter("payload", EventCodec.write(envelope))
                        .executeUpdate())
                .replaceWith(envelope);
    }
}
