package io.mspcs.health.repository;

import io.mspcs.health.domain.Insight;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "dmi_insight")
public class DmiInsightEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "catalog_id")
    public UUID catalogId;
    public short position;
    public String code;
    public String name;
    public String definition;
    @Column(name = "data_source")
    public String dataSource;
    public String category;
    public short weight;
    public BigDecimal target;
    public short tier;
    @Column(name = "gate_threshold")
    public BigDecimal gateThreshold;
    @Column(name = "signal_type")
    public String signalType;
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static DmiInsightEntity of(UUID tenantId, UUID catalogId, int position, Insight insight, Instant at) {
        DmiInsightEntity entity = new DmiInsightEntity();
        entity.id = UUID.randomUUID();
        entity.tenantId = tenantId;
        entity.catalogId = catalogId;
        entity.position = (short) position;
        entity.code = insight.code();
        entity.name = insight.name();
        entity.definition = insight.definition();
        entity.dataSource = insight.dataSource();
        entity.category = insight.category();
        entity.weight = (short) insight.weight();
        entity.target = insight.target();
        entity.tier = (short) insight.tier();
        entity.gateThreshold = insight.gateThreshold();
        entity.signalType = insight.signalType();
        entity.active = insight.active();
        entity.createdAt = at;
        entity.updatedAt = at;
        return entity;
    }

    /** Replaces the insight's fields (its code stays). */
    public void apply(Insight insight, Instant at) {
        name = insight.name();
        definition = insight.definition();
        dataSource = insight.dataSource();
        category = insight.category();
        weight = (short) insight.weight();
        target = insight.target();
        tier = (short) insight.tier();
        gateThreshold = insight.gateThreshold();
        signalType = insight.signalType();
        active = insight.active();
        updatedAt = at;
    }

    public Insight toInsight() {
        return new Insight(code, name, definition, dataSource, category, weight, target, tier, gateThreshold,
                signalType, active);
    }
}
