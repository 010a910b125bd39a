package io.mspcs.segmentation.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One published, never edited, policy version of a tenant. */
@Entity
@Table(name = "segmentation_policy")
public class PolicyEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "policy_version")
    public int policyVersion;
    public String content;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
