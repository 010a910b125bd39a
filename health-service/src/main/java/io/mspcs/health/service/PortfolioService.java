package io.mspcs.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The portfolio (health.md §6): clients worst first for one dimension (COMPOSITE by default) — RED, YELLOW, GREEN,
 * no colour — then its score ascending, then clientId; and the summary counts. Read from the client read model and
 * its current score record in one query.
 */
@ApplicationScoped
public class PortfolioService {

    public static final String COMPOSITE = "COMPOSITE";

    // dim_score/dim_color: the asked dimension's, from the current record's explanation (COMPOSITE: the read model)
    private static final String QUERY = """
            with base as (
                select c.client_id, c.name, c.segment, c.composite, c.composite_color, c.data_as_of, c.scored_at,
                       cast(r.body -> 'dimensions' as text) as dims,
                       case when cast(:dimension as text) = 'COMPOSITE' then c.composite
                            else (select cast(x ->> 'score' as numeric) from jsonb_array_elements(r.body -> 'dimensions') x
                                  where x ->> 'dimension' = cast(:dimension as text)) end as dim_score,
                       case when cast(:dimension as text) = 'COMPOSITE' then c.composite_color
                            else (select x ->> 'color' from jsonb_array_elements(r.body -> 'dimensions') x
                                  where x ->> 'dimension' = cast(:dimension as text)) end as dim_color,
                       (select count(*) from health_alert a where a.tenant_id = c.tenant_id and a.client_id = c.client_id
                           and a.family = 'GATE' and a.status = 'OPEN') as open_gates,
                       (select count(*) from health_alert a where a.tenant_id = c.tenant_id and a.client_id = c.client_id
                           and a.family = 'RISK' and a.status = 'OPEN') as open_risks
                from client_health c
                    left join score_record r on r.tenant_id = c.tenant_id and r.id = c.current_score_id
                where c.tenant_id = :tenant and c.registered_at is not null
                  and (cast(:segment as text) is null or c.segment = cast(:segment as text))
                  and (cast(:staleBefore as timestamptz) is null or c.data_as_of < cast(:staleBefore as timestamptz))
                  and (cast(:gate as text) is null or exists (select 1 from health_alert g
                        where g.tenant_id = c.tenant_id and g.client_id = c.client_id and g.family = 'GATE'
                          and g.kind = cast(:gate as text) and g.status = 'OPEN'))
            )
            select client_id, name, segment, composite, composite_color, data_as_of, scored_at, dims, dim_score,
                   dim_color, open_gates, open_risks
            from base
            where cast(:color as text) is null or dim_color = cast(:color as text)
            order by case dim_color when 'RED' then 0 when 'YELLOW' then 1 when 'GREEN' then 2 else 3 end,
                     dim_score asc nulls last, client_id
            offset :offset limit :limit
            """;

    // band 0 = 0–20 … 4 = 81–100 on the 2-dp composite (a value between two bands' integers goes to the lower band)
    private static final String SUMMARY = """
            select coalesce(c.segment, 'NONE'), coalesce(c.composite_color, 'NONE'),
                   case when c.composite is null then -1 when c.composite < 21 then 0 when c.composite < 41 then 1
                        when c.composite < 61 then 2 when c.composite < 81 then 3 else 4 end,
                   count(*)
            from client_health c
            where c.tenant_id = :tenant and c.registered_at is not null
            group by 1, 2, 3
            """;

    private static final String[] BANDS = {"0-20", "21-40", "41-60", "61-80", "81-100"};

    private final Clock clock;

    public PortfolioService(Clock clock) {
        this.clock = clock;
    }

    /** Filters; null = not filtered. {@code dimension} is COMPOSITE or a dimension name. */
    public record Filter(String dimension, String color, String segment, String gate, boolean stale) {
    }

    public record Row(UUID clientId, String name, String segment, BigDecimal composite, String color, Instant dataAsOf,
                      Instant scoredAt, JsonNode dimensions, BigDecimal dimensionScore, String dimensionColor,
                      int openGates, int backupRisks) {
    }

    public record Summary(int clients, int incomplete, Map<String, Map<String, Integer>> bySegment,
                          Map<String, Integer> compositeBands) {
    }

    @WithTransaction
    public Uni<List<Row>> page(UUID tenantId, Filter filter, int offset, int limit) {
        Instant staleBefore = filter.stale() ? clock.instant().minus(Duration.ofDays(30)) : null;
        return Panache.getSession().chain(session -> session.createNativeQuery(QUERY, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("dimension", filter.dimension())
                        .setParameter("color", filter.color())
                        .setParameter("segment", filter.segment())
                        .setParameter("gate", filter.gate())
                        .setParameter("staleBefore", staleBefore == null ? null : staleBefore.atOffset(ZoneOffset.UTC))
                        .setParameter("offset", offset)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2],
                        (BigDecimal) r[3], (String) r[4], instant(r[5]), instant(r[6]), json((String) r[7]),
                        (BigDecimal) r[8], (String) r[9], ((Number) r[10]).intValue(), ((Number) r[11]).intValue()))
                        .toList());
    }

    /** Counts by segment × composite colour (NONE = no segment / no colour), by composite band, and incomplete. */
    @WithTransaction
    public Uni<Summary> summary(UUID tenantId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SUMMARY, Object[].class)
                        .setParameter("tenant", tenantId)
                        .getResultList())
                .map(rows -> {
                    Map<String, Map<String, Integer>> bySegment = new TreeMap<>();
                    Map<String, Integer> bands = new LinkedHashMap<>();
                    for (String band : BANDS) {
                        bands.put(band, 0);
                    }
                    int clients = 0;
                    int incomplete = 0;
                    for (Object[] row : rows) {
                        int count = ((Number) row[3]).intValue();
                        int band = ((Number) row[2]).intValue();
                        clients += count;
                        bySegment.computeIfAbsent((String) row[0], s -> colorCounts())
                                .merge((String) row[1], count, Integer::sum);
                        if (band < 0) {
                            incomplete += count;
                        } else {
                            bands.merge(BANDS[band], count, Integer::sum);
                        }
                    }
                    return new Summary(clients, incomplete, bySegment, bands);
                });
    }

    private static Map<String, Integer> colorCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List.of("RED", "YELLOW", "GREEN", "NONE").forEach(color -> counts.put(color, 0));
        return counts;
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : value instanceof Instant i ? i : null;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score record dimensions unreadable", e);
        }
    }

    /** {dimension: {score, color}} of a record's dimensions. */
    public static Map<String, Map<String, Object>> scores(JsonNode dimensions) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (dimensions == null) {
            return result;
        }
        List<JsonNode> list = new ArrayList<>();
        dimensions.forEach(list::add);
        for (JsonNode dimension : list) {
            Map<String, Object> entry = new LinkedHashMap<>();
            JsonNode score = dimension.get("score");
            entry.put("score", score == null || score.isNull() ? null
                    : score.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP));
            JsonNode color = dimension.get("color");
            entry.put("color", color == null || color.isNull() ? null : color.asText());
            result.put(dimension.path("dimension").asText(), entry);
        }
        return result;
    }
}
