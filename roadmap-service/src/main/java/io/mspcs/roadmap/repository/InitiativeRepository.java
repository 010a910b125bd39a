package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.InitiativeState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Every query is scoped by tenant: another tenant's initiative is simply not found. */
@ApplicationScoped
public class InitiativeRepository implements PanacheRepositoryBase<InitiativeEntity, UUID> {

    public Uni<InitiativeEntity> findInTenant(UUID tenantId, UUID initiativeId) {
        return find("tenantId = ?1 and id = ?2", tenantId, initiativeId).firstResult();
    }

    /** All initiatives of a client in roadmap order: quarter, position, backlog last. */
    public Uni<List<InitiativeEntity>> ofClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 order by quarter nulls last, position, createdAt, id",
                tenantId, clientId);
    }

    public record Filter(String state, String lane, String quarter, Boolean remediation) {
    }

    /** A page ordered by id; {@code after} is the last id of the previous page. */
    public Uni<List<InitiativeEntity>> page(UUID tenantId, UUID clientId, Filter filter, UUID after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = ?1 and clientId = ?2");
        List<Object> params = new ArrayList<>(List.of(tenantId, clientId));
        if (filter.state() != null) {
            params.add(InitiativeState.valueOf(filter.state()));
            query.append(" and state = ?").append(params.size());
        }
        if (filter.lane() != null) {
            params.add(filter.lane());
            query.append(" and lane = ?").append(params.size());
        }
        if (filter.quarter() != null) {
            params.add(filter.quarter());
            query.append(" and quarter = ?").append(params.size());
        }
        if (filter.remediation() != null) {
            params.add(filter.remediation());
            query.append(" and remediation = ?").append(params.size());
        }
        if (after != null) {
            params.add(after);
            query.append(" and id > ?").append(params.size());
        }
        return find(query.append(" order by id").toString(), params.toArray()).page(0, limit).list();
    }
}
