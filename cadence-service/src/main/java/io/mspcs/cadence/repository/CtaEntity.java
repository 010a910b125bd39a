package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.CloseStatus;
import io.mspcs.cadence.domain.CtaDraft;
import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.CtaReason;
import io.mspcs.cadence.domain.CtaSource;
import io.mspcs.cadence.domain.CtaStatus;
import io.mspcs.cadence.domain.Notification;
import io.mspcs.cadence.domain.OwnerResolution;
import io.mspcs.cadence.domain.Priority;
import io.mspcs.cadence.domain.ResolvedOwner;
import io.mspcs.cadence.domain.Role;
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
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "cta")
public class CtaEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public CtaKind kind;
    @Column(name = "reason_code")
    public String reasonCode;
    public String title;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Enumerated(EnumType.STRING)
    public CtaStatus status;
    @Enumerated(EnumType.STRING)
    public CtaSource source;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    public String dimension;
    @Column(name = "playbook_key")
    public String playbookKey;
    @Column(name = "rule_id")
    public String ruleId;
    @Column(name = "rule_version")
    public Integer ruleVersion;
    @Column(name = "reason_text")
    public String reasonText;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reason_inputs")
    public Map<String, Object> reasonInputs;
    @Column(name = "reference_value")
    public BigDecimal referenceValue;
    @Enumerated(EnumType.STRING)
    @Column(name = "owner_role")
    public Role ownerRole;
    @Column(name = "owner_member_id")
    public UUID ownerMemberId;
    @Column(name = "backup_member_id")
    public UUID backupMemberId;
    @Enumerated(EnumType.STRING)
    @Column(name = "owner_resolution")
    public OwnerResolution ownerResolution;
    @Enumerated(EnumType.STRING)
    public Notification notification;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "sla_start_at")
    public Instant slaStartAt;
    @Column(name = "first_action_due_at")
    public Instant firstActionDueAt;
    @Column(name = "first_action_at")
    public Instant firstActionAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "last_movement_at")
    public Instant lastMovementAt;
    @Column(name = "escalation_level")
    public int escalationLevel;
    public int occurrences;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "newest_cause_time")
    public Instant newestCauseTime;
    @Enumerated(EnumType.STRING)
    @Column(name = "close_status")
    public CloseStatus closeStatus;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "close_reason_code")
    public String closeReasonCode;
    @Column(name = "close_reason_text")
    public String closeReasonText;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "close_reason_inputs")
    public Map<String, Object> closeReasonInputs;
    @Column(name = "snoozed_until")
    public Instant snoozedUntil;
    @Enumerated(EnumType.STRING)
    @Column(name = "snoozed_from_status")
    public CtaStatus snoozedFromStatus;
    @Column(name = "snooze_reason")
    public String snoozeReason;
    @Column(name = "suppress_until")
    public Instant suppressUntil;
    @Column(name = "meeting_type")
    public String meetingType;
    @Column(name = "playbook_run_id")
    public UUID playbookRunId;
    @Enumerated(EnumType.STRING)
    @Column(name = "escalated_to_role")
    public Role escalatedToRole;
    @Column(name = "condition_keys")
    public String conditionKeys;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static CtaEntity open(UUID tenantId, CtaDraft draft) {
        CtaEntity cta = new CtaEntity();
        cta.id = draft.ctaId();
        cta.tenantId = tenantId;
        cta.clientId = draft.clientId();
        cta.kind = draft.kind();
        cta.reasonCode = draft.reasonCode();
        cta.title = draft.title();
        cta.priority = draft.priority();
        cta.status = CtaStatus.OPEN;
        cta.source = draft.source();
        cta.dedupeKey = draft.dedupeKey();
        cta.dimension = draft.dimension();
        cta.playbookKey = draft.playbookKey();
        cta.setReason(draft.reason());
        cta.referenceValue = draft.referenceValue();
        cta.setOwner(draft.owner());
        cta.notification = draft.notification();
        cta.openedAt = draft.openedAt();
        cta.slaStartAt = draft.slaStartAt();
        cta.firstActionDueAt = draft.firstActionDueAt();
        cta.dueAt = draft.dueAt();
        cta.escalationLevel = 0;
        cta.occurrences = 1;
        cta.lastSeenAt = draft.openedAt();
        cta.newestCauseTime = draft.firstCause().time();
        cta.createdAt = draft.openedAt();
        cta.updatedAt = draft.openedAt();
        return cta;
    }

    public CtaReason reason() {
        return new CtaReason(reasonCode, reasonText, ruleId, ruleVersion, reasonInputs);
    }

    public void setReason(CtaReason reason) {
        reasonCode = reason.code();
        reasonText = reason.text();
        ruleId = reason.ruleId();
        ruleVersion = reason.ruleVersion();
        reasonInputs = reason.inputs();
    }

    public CtaReason closeReason() {
        return closeReasonCode == null ? null
                : new CtaReason(closeReasonCode, closeReasonText, ruleId, ruleVersion, closeReasonInputs);
    }

    public ResolvedOwner owner() {
        return new ResolvedOwner(ownerRole, ownerMemberId, backupMemberId, ownerResolution);
    }

    public void setOwner(ResolvedOwner owner) {
        ownerRole = owner.role();
        ownerMemberId = owner.memberId();
        backupMemberId = owner.backupMemberId();
        ownerResolution = owner.resolution();
    }

    public void close(CloseStatus how, CtaReason reason, Instant at) {
        status = CtaStatus.CLOSED;
        closeStatus = how;
        closedAt = at;
        closeReasonCode = reason.code();
        closeReasonText = reason.text();
        closeReasonInputs = reason.inputs();
        updatedAt = at;
    }
}
