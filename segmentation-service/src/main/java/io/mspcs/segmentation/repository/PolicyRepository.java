package io.mspcs.segmentation.repository;

import io.mspcs.segmentation.domain.SegmentationPolicy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<PolicyEntity, UUID> {

    /** The active (latest) version; version 1 with the defaults until the tenant publishes one. */
    public Uni<SegmentationPolicy> active(UUID tenantId) {
        return find("tenantId = ?1 order by policyVersion desc", tenantId).firstResult()
                .map(entity -> entity == null ? SegmentationPolicy.defaults()
                        : JsonColumns.read(entity.content, SegmentationPolicy.class));
    }
}
