package io.mspcs.cadence.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One published, immutable version of a tenant's trigger rule; {@code params} is a JSON object of numbers. */
@Entity
@Table(name = "trigger_rule_version")
public class TriggerRuleEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "rule_id")
    public String ruleId;
    @Column(name = "rule_version")
    public int ruleVersion;
    public boolean enabled;
    public String params;
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

    public static TriggerRuleEntity of(UUID tenantId, String ruleId, int ruleVersion, boolean enabled, String params,
                                       String publishedBy, Instant at) {
        TriggerRuleEntity rule = new TriggerRuleEntity();
        rule.id = UUID.randomUUID();
        rule.tenantId = tenantId;
        rule.ruleId = ruleId;
        rule.ruleVersion = ruleVersion;
        rule.enabled = enabled;
        rule.params = params;
        rule.publishedBy = publishedBy;
        rule.publishedAt = at;
        rule.createdAt = at;
        rule.updatedAt = at;
        return rule;
    }
}
