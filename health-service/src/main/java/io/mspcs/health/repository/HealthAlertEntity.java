package io.mspcs.health.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An adoption gate (family GATE) or a backup risk (family RISK), health.md §2.3. {@code details} keeps the gate's
 * failing list or the risk's values as they were last evaluated; {@code suppressed} is what an override still holds.
 */
@Entity
@Table(name = "health_alert")
public class HealthAlertEntity {

    public static final String GATE = "GATE";
    public static final String RISK = "RISK";
    public static final String OPEN = "OPEN";
    public static final String CLEARED = "CLEARED";

    public record FailingValue(String insightCode, BigDecimal coverage, BigDecimal threshold, int weight) {
    }

    /** Gate: {@code failing}; risk: the backup result values it was detected or last seen with. */
    public record Details(List<FailingValue> failing, BigDecimal successRate, Integer windowDays, BigDecimal threshold,
                          Integer failedJobs, Integer devicesAffected, Instant lastSuccessAt, Instant lastRestoreTestAt,
                          String source, Instant dataAsOf) {
    }

    /** The insight codes an override still holds (a JSON object: the reactive driver maps jsonb arrays poorly). */
    public record Suppressed(List<String> insights) {
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    public String family;
    public String kind;
    public String status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "cleared_at")
    public Instant clearedAt;
    @Column(name = "cleared_by")
    public String clearedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    public Details details;
    @Column(name = "override_by")
    public String overrideBy;
    @Column(name = "override_reason")
    public String overrideReason;
    @Column(name = "override_expires_at")
    public Instant overrideExpiresAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Suppressed suppressed;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static HealthAlertEntity open(UUID tenantId, UUID clientId, String family, String kind, UUID id,
                                         Instant openedAt, Details details) {
        HealthAlertEntity alert = new HealthAlertEntity();
        alert.id = id;
        alert.tenantId = tenantId;
        alert.clientId = clientId;
        alert.family = family;
        alert.kind = kind;
        alert.status = OPEN;
        alert.openedAt = openedAt;
        alert.details = details;
        alert.createdAt = openedAt;
        alert.updatedAt = openedAt;
        return alert;
    }

    public void clear(String by, Instant at) {
        status = CLEARED;
        clearedBy = by;
        clearedAt = at;
        updatedAt = at;
    }
}
