package io.mspcs.cadence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Runs and tasks; every query is scoped by tenant. */
public final class PlaybookRepositories {

    private PlaybookRepositories() {
    }

    @ApplicationScoped
    public static class Runs implements PanacheRepositoryBase<PlaybookRunEntity, UUID> {
        public Uni<PlaybookRunEntity> findInTenant(UUID tenantId, UUID runId) {
            return find("tenantId = ?1 and id = ?2", tenantId, runId).firstResult();
        }

        public Uni<List<PlaybookRunEntity>> ofClient(UUID tenantId, UUID clientId) {
            return list("tenantId = ?1 and clientId = ?2 order by startedAt, id", tenantId, clientId);
        }

        public Uni<List<PlaybookRunEntity>> activeOfCta(UUID tenantId, UUID ctaId) {
            return list("tenantId = ?1 and ctaId = ?2 and status = 'ACTIVE'", tenantId, ctaId);
        }
    }

    @ApplicationScoped
    public static class Tasks implements PanacheRepositoryBase<PlaybookTaskEntity, UUID> {
        public Uni<List<PlaybookTaskEntity>> ofRun(UUID tenantId, UUID runId) {
            return list("tenantId = ?1 and runId = ?2 order by seq", tenantId, runId);
        }
    }

    @ApplicationScoped
    public static class Templates implements PanacheRepositoryBase<PlaybookTemplateEntity, UUID> {
        /** Every stored version of a key, newest first (the draft, if any, is the newest). */
        public Uni<List<PlaybookTemplateEntity>> versionsOf(UUID tenantId, String key) {
            return list("tenantId = ?1 and templateKey = ?2 order by templateVersion desc", tenantId, key);
        }

        public Uni<List<PlaybookTemplateEntity>> ofTenant(UUID tenantId) {
            return list("tenantId = ?1 order by templateKey, templateVersion desc", tenantId);
        }
    }
}
