package io.mspcs.health.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.mspcs.contracts.EventCodec;
import io.mspcs.health.domain.Color;
import io.mspcs.health.domain.MonthlyClose;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Month closes (health.md §2.5), read and written set-based like the rest of a re-score batch: the latest close of
 * every client of the batch in one query, the batch's new closes in one statement.
 */
@ApplicationScoped
public class MonthlyCloseStore {

    /** A close to write for a client; {@code scoreId} is the client's current score record, if any. */
    public record NewClose(UUID tenantId, UUID clientId, UUID scoreId, MonthlyClose close, Instant at) {
    }

    private static final String LATEST = """
            select distinct on (m.client_id) m.client_id, m.month, cast(m.colors as text),
                   cast(m.consecutive_reds as text), cast(m.red_runs as text)
            from monthly_close m
            where m.tenant_id = :tenant
              and m.client_id in (select cast(v as uuid) from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) v)
            order by m.client_id, m.month desc
            """;

    private static final String INSERT = """
            insert into monthly_close (id, tenant_id, client_id, month, score_id, colors, consecutive_reds, red_runs,
                                       created_at, updated_at, version)
            select gen_random_uuid(), r.tenant_id, r.client_id, r.month, r.score_id, r.colors, r.consecutive_reds,
                   r.red_runs, r.at, r.at, 0
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                 as r(tenant_id uuid, client_id uuid, month text, score_id uuid, colors jsonb, consecutive_reds jsonb,
                      red_runs jsonb, at timestamptz)
            on conflict (tenant_id, client_id, month) do nothing
            """;

    private static final String PAGE = """
            select m.month, m.score_id, cast(m.colors as text), cast(m.consecutive_reds as text), cast(m.red_runs as text)
            from monthly_close m
            where m.tenant_id = :tenant and m.client_id = :client and (cast(:before as text) is null or m.month < :before)
            order by m.month desc
            limit :limit
            """;

    private static final TypeReference<Map<String, Color>> COLORS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    public Uni<Map<UUID, MonthlyClose>> latestOf(UUID tenantId, Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String ids = SqlJson.uuidArray(clientIds);
        return Panache.getSession().chain(session -> session.createNativeQuery(LATEST, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("ids", ids)
                        .getResultList())
                .map(rows -> {
                    Map<UUID, MonthlyClose> latest = new HashMap<>();
                    rows.forEach(r -> latest.put((UUID) r[0], closeOf(r[1], r[2], r[3], r[4])));
                    return latest;
                });
    }

    /** A stored close and the score record current at it. */
    public record Stored(UUID scoreId, MonthlyClose close) {
    }

    /** The client's closes newest first, before {@code before} (a month; null for the first page). */
    public Uni<List<Stored>> page(UUID tenantId, UUID clientId, YearMonth before, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PAGE, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("client", clientId)
                        .setParameter("before", before == null ? null : before.toString())
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new Stored((UUID) r[1], closeOf(r[0], r[2], r[3], r[4]))).toList());
    }

    private static MonthlyClose closeOf(Object month, Object colors, Object reds, Object runs) {
        return new MonthlyClose(YearMonth.parse(((String) month).trim()), read((String) colors, COLORS),
                read((String) reds, COUNTS), read((String) runs, COUNTS));
    }

    /** Writes the closes in ONE statement; a close already written for that month stays as it is. */
    public Uni<Void> insertAll(List<NewClose> closes) {
        if (closes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String rows = SqlJson.write(closes.size() * 512, json -> {
            json.writeStartArray();
            for (NewClose c : closes) {
                json.writeStartObject();
                SqlJson.field(json, "tenant_id", c.tenantId());
                SqlJson.field(json, "client_id", c.clientId());
                SqlJson.field(json, "month", c.close().month());
                SqlJson.field(json, "score_id", c.scoreId());
                json.writeObjectField("colors", c.close().colors());
                json.writeObjectField("consecutive_reds", c.close().consecutiveReds());
                json.writeObjectField("red_runs", c.close().redRuns());
                SqlJson.field(json, "at", c.at());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("rows", rows).executeUpdate()).replaceWithVoid();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable month close column: " + json, e);
        }
    }
}
