package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.RoadmapPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A tenant's saved roadmap policy (roadmap.md §2); absent = the default policy. */
@Entity
@Table(name = "roadmap_policy")
public class RoadmapPolicyEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "policy_version")
    public int policyVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public RoadmapPolicy document;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
