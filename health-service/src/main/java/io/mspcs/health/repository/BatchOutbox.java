package io.mspcs.health.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static JsonNode payload(EventEnvelope envelope) {
        try {
            return EventCodec.mapper().readTree(EventCodec.write(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("envelope cannot be serialised", e);
        }
    }

    public Uni<Void> append(List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = EventCodec.mapper().createArrayNode();
        int seq = 0;
        for (Pending pending : events) {
            OutgoingEvent event = pending.event();
            EventContext context = pending.context();
            EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), source, event.type(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), event.subject(), context.tenantId(),
                    context.correlationId(), context.causationId(), EventCodec.toData(event.data()));
            ObjectNode row = rows.addObject();
            row.put("seq", seq++);
            row.put("id", envelope.id().toString());
            row.put("aggregatetype", event.aggregateType());
            row.put("aggregateid", event.aggregateId());
            row.put("type", envelope.type());
            row.put("ts", envelope.time().toString());
            row.put("tenant_id", envelope.tenantId().toString());
            row.put("partition_key", envelope.partitionKey());
            row.put("correlation_id", envelope.correlationId());
            row.put("causation_id", envelope.causationId() == null ? null : envelope.causationId().toString());
            row.set("payload", payload(envelope));
        }
        String json = rows.toString();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("rows", json).executeUpdate()).replaceWithVoid();
    }
}
