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
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
