package io.mspcs.health.repository;

import io.mspcs.health.domain.ExpectedMoves;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Expected moves of initiatives (health.md §2.3); the first completion of an (initiative, insight) wins. */
@ApplicationScoped
public class ExpectedMoveStore {

    private static final String INSERT = """
            insert into expected_move (id, tenant_id, client_id, initiative_id, insight_code, expected_points,
                                       baseline_coverage, completed_at, created_at, updated_at, version)
            values (gen_random_uuid(), :tenant, :client, :initiative, :insight, :expected, :baseline, :completed,
                    :now, :now, 0)
            on conflict (tenant_id, initiative_id, insight_code) do nothing
            """;

    private static final String OF_CLIENT = """
            select initiative_id, insight_code, expected_points, baseline_coverage, completed_at
            from expected_move where tenant_id = :tenant and client_id = :client
            order by completed_at, initiative_id, insight_code
            """;

    public Uni<Void> record(UUID tenantId, UUID clientId, ExpectedMoves.Move move, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("tenant", tenantId)
                .setParameter("client", clientId)
                .setParameter("initiative", move.initiativeId())
                .setParameter("insight", move.insightCode())
                .setParameter("expected", move.expectedPoints())
                .setParameter("baseline", move.baselineCoverage())
                .setParameter("completed", move.completedAt().atOffset(ZoneOffset.UTC))
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<ExpectedMoves.Move>> ofClient(UUID tenantId, UUID clientId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(OF_CLIENT, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("client", clientId)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new ExpectedMoves.Move((UUID) r[0], (String) r[1],
                        (BigDecimal) r[2], (BigDecimal) r[3], r[4] instanceof OffsetDateTime at ? at.toInstant() : (Instant) r[4])).toList());
    }
}
