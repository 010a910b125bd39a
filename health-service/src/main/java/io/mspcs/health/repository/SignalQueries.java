package io.mspcs.health.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Reads of raw signals for GET /signals (health.md §6): one client, optionally one type and an event-time range. */
@ApplicationScoped
public class SignalQueries {

    private static final String PAGE = """
            select s.id, s.client_id, s.source, s.external_id, s.type, s.insight_code, s.event_time, s.observed_at,
                   s.received_at, cast(s.vals as text), s.batch_id
            from signal s
            where s.tenant_id = :tenant and s.client_id = :client
              and (cast(:type as text) is null or s.type = cast(:type as text))
              and (cast(:from as timestamptz) is null or s.event_time >= cast(:from as timestamptz))
              and (cast(:to as timestamptz) is null or s.event_time < cast(:to as timestamptz))
            order by s.event_time desc, s.id
            offset :offset limit :limit
            """;

    public record SignalRow(UUID signalId, UUID clientId, String source, String externalId, String type,
                            String insightCode, Instant eventTime, Instant observedAt, Instant receivedAt,
                            JsonNode values, UUID batchId) {
    }

    /** Newest event time first; {@code from} inclusive, {@code to} exclusive. */
    public Uni<List<SignalRow>> page(UUID tenantId, UUID clientId, String type, Instant from, Instant to, int offset,
                                     int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PAGE, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("client", clientId)
                        .setParameter("type", type)
                        .setParameter("from", from == null ? null : from.atOffset(ZoneOffset.UTC))
                        .setParameter("to", to == null ? null : to.atOffset(ZoneOffset.UTC))
                        .setParameter("offset", offset)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new SignalRow((UUID) r[0], (UUID) r[1], (String) r[2],
                        (String) r[3], (String) r[4], (String) r[5], SqlJson.instant(r[6]), SqlJson.instant(r[7]), SqlJson.instant(r[8]),
                        json((String) r[9]), (UUID) r[10])).toList());
    }

    private static JsonNode json(String text) {
        try {
            return EventCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("signal values unreadable", e);
        }
    }
}
