package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import io.mspcs.health.domain.CoverageReading;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DmiCoverageRepository implements PanacheRepositoryBase<DmiCoverageEntity, UUID> {

    /** Read-only (a recompute only reads them): no snapshot copies, no dirty checks at flush. */
    public Uni<List<DmiCoverageEntity>> ofClients(UUID tenantId, java.util.Collection<UUID> clientIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "from DmiCoverageEntity c where c.tenantId = ?1 and c.clientId in ?2", DmiCoverageEntity.class)
                .setParameter(1, tenantId).setParameter(2, clientIds).setReadOnly(true).getResultList());
    }

    private static final String READINGS = """
            select c.client_id, c.insight_code, c.coverage, c.observed_at, c.source
            from dmi_coverage c
            where c.tenant_id = :tenant
              and c.client_id in (select cast(v as uuid) from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) v)
            """;

    /**
     * The clients' readings by client and insight, for a batch recompute: plain rows of a native query, no entities
     * to hydrate and track.
     */
    public Uni<Map<UUID, Map<String, CoverageReading>>> readingsOf(UUID tenantId, Collection<UUID> clientIds) {
        String ids = SqlJson.uuidArray(clientIds);
        return Panache.getSession().chain(session -> session.createNativeQuery(READINGS, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("ids", ids)
                        .getResultList())
                .map(rows -> {
                    Map<UUID, Map<String, CoverageReading>> byClient = new HashMap<>();
                    for (Object[] r : rows) {
                        byClient.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).put((String) r[1],
                                new CoverageReading((String) r[1], (BigDecimal) r[2], SqlJson.instant(r[3]), (String) r[4]));
                    }
                    return byClient;
                });
    }

    public Uni<List<DmiCoverageEntity>> ofClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2", tenantId, clientId);
    }
}
