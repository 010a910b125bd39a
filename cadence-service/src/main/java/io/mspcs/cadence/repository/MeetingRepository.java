package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<MeetingEntity, UUID> {

    public Uni<MeetingEntity> findInTenant(UUID tenantId, UUID meetingId) {
        return find("tenantId = ?1 and id = ?2", tenantId, meetingId).firstResult();
    }

    public Uni<MeetingEntity> findExternal(UUID tenantId, String source, String externalId) {
        return find("tenantId = ?1 and source = ?2 and externalId = ?3", tenantId, source, externalId).firstResult();
    }

    /** A page ordered by id; filters are optional. */
    public Uni<List<MeetingEntity>> page(UUID tenantId, UUID clientId, Instant from, Instant to, String status,
                                         String type, UUID ownerMemberId, Boolean confirmed, UUID after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenantId");
        Parameters parameters = Parameters.with("tenantId", tenantId);
        if (clientId != null) {
            query.append(" and clientId = :clientId");
            parameters.and("clientId", clientId);
        }
        if (from != null) {
            query.append(" and scheduledFor >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and scheduledFor < :to");
            parameters.and("to", to);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (type != null) {
            query.append(" and meetingType = :type");
            parameters.and("type", type);
        }
        if (ownerMemberId != null) {
            query.append(" and ownerMemberId = :owner");
            parameters.and("owner", ownerMemberId);
        }
        if (confirmed != null) {
            query.append(" and confirmed = :confirmed");
            parameters.and("confirmed", confirmed);
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return find(query.append(" order by id").toString(), parameters).page(0, limit).list();
    }
}
