package io.mspcs.health.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The portfolio (health.md §6): clients by composite colour and segment, worst first — RED, YELLOW, GREEN, no
 * colour — then composite ascending, then clientId; read from the client read model in one query.
 */
@ApplicationScoped
public class PortfolioService {

    private static final String QUERY = """
            select c.client_id, c.name, c.segment, c.composite, c.composite_color, c.data_as_of, c.scored_at
            from client_health c
            where c.tenant_id = :tenant and c.registered_at is not null
              and (cast(:color as text) is null or c.composite_color = cast(:color as text))
              and (cast(:segment as text) is null or c.segment = cast(:segment as text))
              and (cast(:staleBefore as timestamptz) is null or c.data_as_of < cast(:staleBefore as timestamptz))
            order by case c.composite_color when 'RED' then 0 when 'YELLOW' then 1 when 'GREEN' then 2 else 3 end,
                     c.composite asc nulls last, c.client_id
            offset :offset limit :limit
            """;

    private final Clock clock;

    public PortfolioService(Clock clock) {
        this.clock = clock;
    }

    public record Row(UUID clientId, String name, String segment, BigDecimal composite, String color, Instant dataAsOf,
                      Instant scoredAt) {
    }

    @WithSession
    public Uni<List<Row>> page(UUID tenantId, String color, String segment, boolean stale, int offset, int limit) {
        Instant staleBefore = stale ? clock.instant().minus(Duration.ofDays(30)) : null;
        return Panache.getSession().chain(session -> session.createNativeQuery(QUERY, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("color", color)
                        .setParameter("segment", segment)
                        .setParameter("staleBefore", staleBefore == null ? null : staleBefore.atOffset(ZoneOffset.UTC))
                        .setParameter("offset", offset)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2],
                        (BigDecimal) r[3], (String) r[4], instant(r[5]), instant(r[6]))).toList());
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : value instanceof Instant i ? i : null;
    }
}
