package io.mspcs.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A finding of an assessment; HIGH and CRITICAL ones become (or link to) initiatives on completion. */
@Entity
@Table(name = "finding")
public class FindingEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "assessment_id")
    public UUID assessmentId;
    @Column(name = "item_code")
    public String itemCode;
    public String title;
    public String kind;
    public String severity;
    public String dimension;
    @Column(name = "insight_code")
    public String insightCode;
    @Column(name = "business_risk")
    public String businessRisk;
    public String recommendation;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "auto_created")
    public boolean autoCreated;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public boolean highRisk() {
        return "HIGH".equals(severity) || "CRITICAL".equals(severity);
    }
}
