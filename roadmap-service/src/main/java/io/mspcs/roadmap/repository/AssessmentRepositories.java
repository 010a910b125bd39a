package io.mspcs.roadmap.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Tenant-scoped access to templates, assessments and findings. */
public final class AssessmentRepositories {

    private AssessmentRepositories() {
    }

    @ApplicationScoped
    public static class Templates implements PanacheRepositoryBase<AssessmentTemplateEntity, UUID> {

        public Uni<AssessmentTemplateEntity> findInTenant(UUID tenantId, UUID id) {
            return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
        }

        public Uni<List<AssessmentTemplateEntity>> ofTenant(UUID tenantId) {
            return list("tenantId = ?1 order by name, templateVersion", tenantId);
        }
    }

    @ApplicationScoped
    public static class Assessments implements PanacheRepositoryBase<AssessmentEntity, UUID> {

        public Uni<AssessmentEntity> findInTenant(UUID tenantId, UUID id) {
            return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
        }

        public Uni<List<AssessmentEntity>> ofClient(UUID tenantId, UUID clientId) {
            return list("tenantId = ?1 and clientId = ?2 order by conductedOn, createdAt", tenantId, clientId);
        }
    }

    @ApplicationScoped
    public static class Findings implements PanacheRepositoryBase<FindingEntity, UUID> {

        public Uni<List<FindingEntity>> ofAssessment(UUID tenantId, UUID assessmentId) {
            return list("tenantId = ?1 and assessmentId = ?2 order by createdAt, id", tenantId, assessmentId);
        }

        public Uni<FindingEntity> findInAssessment(UUID tenantId, UUID assessmentId, UUID findingId) {
            return find("tenantId = ?1 and assessmentId = ?2 and id = ?3", tenantId, assessmentId, findingId)
                    .firstResult();
        }
    }
}
