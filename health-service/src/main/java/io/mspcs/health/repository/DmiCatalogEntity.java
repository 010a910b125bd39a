package io.mspcs.health.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A catalogue version of a tenant; its insights are {@link DmiInsightEntity} rows. */
@Entity
@Table(name = "dmi_catalog")
public class DmiCatalogEntity {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String DRAFT = "DRAFT";
    public static final String RETIRED = "RETIRED";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "catalog_version")
    public int catalogVersion;
    public String status;
    @Column(name = "change_note")
    public String changeNote;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "based_on_version")
    public Integer basedOnVersion;
    @Column(name = "created_by")
    public String createdBy;
    /** Insights added, removed or changed by this version's publish. */
    @Column(name = "insight_changes")
    public Integer insightChanges;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static DmiCatalogEntity draft(UUID tenantId, int catalogVersion, Integer basedOnVersion, String by, Instant at) {
        DmiCatalogEntity draft = new DmiCatalogEntity();
        draft.id = UUID.randomUUID();
        draft.tenantId = tenantId;
        draft.catalogVersion = catalogVersion;
        draft.status = DRAFT;
        draft.basedOnVersion = basedOnVersion;
        draft.createdBy = by;
        draft.createdAt = at;
        draft.updatedAt = at;
        return draft;
    }
}
