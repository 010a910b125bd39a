package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<ProposalEntity, UUID> {

    public Uni<ProposalEntity> findInTenant(UUID tenantId, UUID proposalId) {
        return find("tenantId = ?1 and id = ?2", tenantId, proposalId).firstResult();
    }

    public Uni<ProposalEntity> lockInTenant(UUID tenantId, UUID proposalId) {
        return find("tenantId = ?1 and id = ?2", tenantId, proposalId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Open (DRAFT or SENT) proposals of the client: an initiative may sit in only one of them. */
    public Uni<List<ProposalEntity>> openOfClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 and status in ?3", tenantId, clientId,
                List.of(ProposalEntity.Status.DRAFT, ProposalEntity.Status.SENT));
    }

    /** A DRAFT already superseding the proposal: a proposal gets one new version at a time. */
    public Uni<ProposalEntity> supersedingDraft(UUID tenantId, UUID supersededId) {
        return find("tenantId = ?1 and supersedesProposalId = ?2 and status = ?3", tenantId, supersededId,
                ProposalEntity.Status.DRAFT).firstResult();
    }

    public Uni<List<UUID>> sentIds(UUID tenantId) {
        return list("tenantId = ?1 and status = ?2 order by sentAt, id", tenantId, ProposalEntity.Status.SENT)
                .map(sent -> sent.stream().map(proposal -> proposal.id).toList());
    }

    /** @param segment the client's effective segment letter in the client view (roadmap.md §3.7) */
    public record Filter(UUID clientId, String status, String ownerMemberId, String segment) {
    }

    public Uni<List<ProposalEntity>> list(UUID tenantId, Filter filter) {
        StringBuilder query = new StringBuilder("tenantId = ?1");
        List<Object> params = new ArrayList<>(List.of(tenantId));
        if (filter.clientId() != null) {
            params.add(filter.clientId());
            query.append(" and clientId = ?").append(params.size());
        }
        if (filter.status() != null) {
            params.add(ProposalEntity.Status.valueOf(filter.status()));
            query.append(" and status = ?").append(params.size());
        }
        if (filter.ownerMemberId() != null) {
            params.add(filter.ownerMemberId());
            query.append(" and ownerMemberId = ?").append(params.size());
        }
        if (filter.segment() != null) {
            params.add(filter.segment());
            query.append(" and clientId in (select c.clientId from ClientViewEntity c where c.tenantId = ?1")
                    .append(" and c.segment = ?").append(params.size()).append(')');
        }
        return list(query.append(" order by createdAt, id").toString(), params.toArray());
    }
}
