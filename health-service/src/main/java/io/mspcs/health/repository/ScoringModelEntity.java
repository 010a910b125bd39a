package io.mspcs.health.repository;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One scoring model version of a tenant (health.md §2.1); published content is never changed. */
@Entity
@Table(name = "scoring_model")
public class ScoringModelEntity {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String RETIRED = "RETIRED";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "model_version")
    public int modelVersion;
    public String status;
    @Column(name = "based_on_version")
    public Integer basedOnVersion;
    @Column(name = "change_note")
    public String changeNote;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode content;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static ScoringModelEntity draft(UUID tenantId, int modelVersion, Integer basedOn, String changeNote,
                                           JsonNode content, String by, Instant at) {
        ScoringModelEntity model = new ScoringModelEntity();
        model.id = UUID.randomUUID();
        model.tenantId = tenantId;
        model.modelVersion = modelVersion;
        model.status = DRAFT;
        model.basedOnVersion = basedOn;
        model.changeNote = changeNote;
        model.content = content;
        model.createdBy = by;
        model.createdAt = at;
        model.updatedAt = at;
        return model;
    }
}
