package io.mspcs.segmentation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TeamMemberRepository implements PanacheRepositoryBase<TeamMemberEntity, UUID> {

    public Uni<TeamMemberEntity> findInTenant(UUID tenantId, UUID memberId) {
        return find("tenantId = ?1 and id = ?2", tenantId, memberId).firstResult();
    }

    public Uni<TeamMemberEntity> findByEmail(UUID tenantId, String email) {
        return find("tenantId = ?1 and email = ?2", tenantId, email).firstResult();
    }

    public Uni<TeamMemberEntity> findByExternalId(UUID tenantId, String externalId) {
        return find("tenantId = ?1 and externalId = ?2", tenantId, externalId).firstResult();
    }

    public Uni<List<TeamMemberEntity>> allInTenant(UUID tenantId) {
        return find("tenantId = ?1 order by id", tenantId).list();
    }
}
