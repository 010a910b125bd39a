package io.mspcs.health.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.mspcs.contracts.EventCodec;
import io.mspcs.health.domain.SignalFact;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One set-based read of the scoring facts of a batch of clients (health.md §8: one read per batch). */
@ApplicationScoped
public class SignalFacts {

    // Coverage types are read through dmi_coverage; the rest are facts within the longest window (BACKUP_RESULT also
    // feeds the backup risks, which need its full values)
    // (retention 400 days bounds what is kept anyway).
    private static final String FACTS = """
            select s.client_id, s.id, s.source, s.type, s.event_time, s.observed_at, s.received_at, cast(s.vals as text)
            from signal s
            where s.tenant_id = :tenant
              and s.client_id in (select cast(v as uuid) from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) v)
              and s.type in ('SURVEY_RESPONSE', 'COMPLAINT', 'EXEC_SPONSOR_CONTACT', 'TICKET_RESULT', 'MILESTONE',
                             'SERVICE_COVERAGE', 'BACKUP_RESULT')
              and s.event_time > :from
            """;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public Uni<Map<UUID, List<SignalFact>>> of(UUID tenantId, Collection<UUID> clientIds, Instant from) {
        String ids = SqlJson.uuidArray(clientIds);
        return Panache.getSession().chain(session -> session.createNativeQuery(FACTS, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("ids", ids)
                        .setParameter("from", from.atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> {
                    Map<UUID, List<SignalFact>> byClient = new HashMap<>();
                    for (Object[] row : rows) {
                        byClient.computeIfAbsent((UUID) row[0], c -> new ArrayList<>()).add(new SignalFact(
                                row[1].toString(), (String) row[2], (String) row[3], SqlJson.instant(row[4]), SqlJson.instant(row[5]),
                                SqlJson.instant(row[6]), values((String) row[7])));
                    }
                    return byClient;
                });
    }

    private static Map<String, Object> values(String json) {
        try {
            return EventCodec.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("signal values unreadable", e);
        }
    }
}
