package io.mspcs.cadence.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One published, immutable version of a tenant's cadence policy; the document is the policy as JSON. */
@Entity
@Table(name = "cadence_policy")
public class CadencePolicyEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "policy_version")
    public int policyVersion;
    public String document;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static CadencePolicyEntity of(UUID tenantId, int policyVersion, String document, Instant at) {
        CadencePolicyEntity policy = new CadencePolicyEntity();
        policy.id = UUID.randomUUID();
        policy.tenantId = tenantId;
        policy.policyVersion = policyVersion;
        policy.document = document;
        policy.publishedAt = at;
        policy.createdAt = at;
        policy.updatedAt = at;
        return policy;
    }
}
