package io.mspcs.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A published assessment template version; never changed once written. */
@Entity
@Table(name = "assessment_template")
public class AssessmentTemplateEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String name;
    public String type;
    @Column(name = "template_version")
    public int templateVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public CategoriesColumn categories;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public Optional<CategoriesColumn.Item> item(String code) {
        return categories.items().stream().flatMap(category -> category.items().stream())
                .filter(item -> item.code().equals(code)).findFirst();
    }
}
