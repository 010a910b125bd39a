package io.mspcs.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An assessment of a client against one template version (roadmap.md §3.1). */
@Entity
@Table(name = "assessment")
public class AssessmentEntity {

    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "template_version")
    public int templateVersion;
    public String type;
    public String status;
    @Column(name = "assessor_member_id")
    public String assessorMemberId;
    @Column(name = "conducted_on")
    public LocalDate conductedOn;
    @JdbcTypeCode(SqlTypes.JSON)
    public ResponsesColumn responses;
    public BigDecimal score;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
