package io.mspcs.segmentation.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An open capacity breach of a (member, role, kind). */
@Entity
@Table(name = "capacity_breach")
public class CapacityBreachEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "member_id")
    public UUID memberId;
    public String role;
    public String kind;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
