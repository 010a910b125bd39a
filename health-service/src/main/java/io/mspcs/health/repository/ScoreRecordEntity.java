package io.mspcs.health.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.health.domain.Color;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored score with its explanation (health.md §2.5). {@code body} holds dimensions (with inputs), changes,
 * markers, trigger refs and the change-detection summary, as written by the scoring service.
 */
@Entity
@Table(name = "score_record")
public class ScoreRecordEntity {

    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "computed_at")
    public Instant computedAt;
    public String trigger;
    @Column(name = "model_id")
    public UUID modelId;
    @Column(name = "model_version")
    public int modelVersion;
    @Column(name = "catalog_version")
    public int catalogVersion;
    @Column(name = "segment_used")
    public String segmentUsed;
    public BigDecimal composite;
    @Enumerated(EnumType.STRING)
    @Column(name = "composite_color")
    public Color compositeColor;
    @Column(name = "composite_complete")
    public boolean compositeComplete;
    @Column(name = "data_as_of")
    public Instant dataAsOf;
    @Column(name = "model_changed")
    public boolean modelChanged;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode body;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
