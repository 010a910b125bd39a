package io.mspcs.health.repository;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutgoingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Appends many events to the outbox in ONE statement, in list order, inside the caller's transaction. It writes the
 * same rows as the shared OutboxWriter (which costs one round trip per event); bulk ingest and re-scoring a tenant
 * emit hundreds of events per transaction, where that would dominate.
 */
@ApplicationScoped
public class BatchOutbox {

    private static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, timestamp, tenant_id, partition_key,
                                      correlation_id, causation_id, payload)
            select r.id, r.aggregatetype, r.aggregateid, r.type, r.ts, r.tenant_id, r.partition_key, r.correlation_id,
                   r.causation_id, r.payload
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                 as r(seq int, id uuid, aggregatetype text, aggregateid text, type text, ts timestamptz, tenant_id uuid,
                      partition_key text, correlation_id text, causation_id uuid, payload jsonb)
            order by r.seq
            """;

    public record Pending(OutgoingEvent event, EventContext context) {
    }

    private final Clock clock;
    private final String source;

    public BatchOutbox(Clock clock, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.clock = clock;
        this.source = "/cs/" + applicationName;
    }

    public Uni<Void> append(List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String json = SqlJson.write(events.size() * 1024, out -> {
            out.writeStartArray();
            int seq = 0;
            for (Pending pending : events) {
                OutgoingEvent event = pending.event();
                EventContext context = pending.context();
                EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), source, event.type(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS), event.subject(), context.tenantId(),
                        context.correlationId(), context.causationId(), EventCodec.toData(event.data()));
                out.writeStartObject();
                out.writeNumberField("seq", seq++);
                SqlJson.field(out, "id", envelope.id());
                SqlJson.field(out, "aggregatetype", event.aggregateType());
                SqlJson.field(out, "aggregateid", event.aggregateId());
                SqlJson.field(out, "type", envelope.type());
                SqlJson.field(out, "ts", envelope.time());
                SqlJson.field(out, "tenant_id", envelope.tenantId());
                SqlJson.field(out, "partition_key", envelope.partitionKey());
                SqlJson.field(out, "correlation_id", envelope.correlationId());
                SqlJson.field(out, "causation_id", envelope.causationId());
                // the envelope exactly as the shared codec writes it (what OutboxWriter stores)
                out.writeFieldName("payload");
                out.writeRawValue(EventCodec.write(envelope));
                out.writeEndObject();
            }
            out.writeEndArray();
        });
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("rows", json).executeUpdate()).replaceWithVoid();
    }
}
