package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<DecisionEntity, UUID> {

    public Uni<List<DecisionEntity>> ofMeeting(UUID tenantId, UUID meetingId) {
        return list("tenantId = ?1 and meetingId = ?2 order by decidedAt, id", tenantId, meetingId);
    }

    public Uni<List<DecisionEntity>> page(UUID tenantId, UUID clientId, String outcome, Boolean creditGateMet,
                                          UUID after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenantId");
        Parameters parameters = Parameters.with("tenantId", tenantId);
        if (clientId != null) {
            query.append(" and clientId = :clientId");
            parameters.and("clientId", clientId);
        }
        if (outcome != null) {
            query.append(" and outcome = :outcome");
            parameters.and("outcome", outcome);
        }
        if (creditGateMet != null) {
            query.append(" and creditGateMet = :gate");
            parameters.and("gate", creditGateMet);
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return find(query.append(" order by id").toString(), parameters).page(0, limit).list();
    }
}
