package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.AgingBucket;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A proposal to the client (roadmap.md §3.5). */
@Entity
@Table(name = "proposal")
public class ProposalEntity {

    public enum Status { DRAFT, SENT, ACCEPTED, DECLINED, CLOSED }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    public String title;
    @Column(name = "proposal_version")
    public int proposalVersion;
    @Column(name = "delivery_mode")
    public String deliveryMode;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "initiative_ids")
    public IdsColumn initiativeIds;
    public String currency;
    @Column(name = "one_time")
    public BigDecimal oneTime;
    @Column(name = "recurring_monthly")
    public BigDecimal recurringMonthly;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String channel;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Enumerated(EnumType.STRING)
    @Column(name = "last_aging_bucket")
    public AgingBucket lastAgingBucket;
    @Column(name = "owner_member_id")
    public String ownerMemberId;
    @JdbcTypeCode(SqlTypes.JSON)
    public DecisionColumn decision;
    @Column(name = "decline_reason_code")
    public String declineReasonCode;
    @Column(name = "decline_reason_text")
    public String declineReasonText;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public OverridesColumn overrides;
    /** The SENT or DECLINED proposal this version replaces (roadmap.md §3.5). */
    @Column(name = "supersedes_proposal_id")
    public UUID supersedesProposalId;
    /** The proposal that replaced this one, set when that one was sent. */
    @Column(name = "superseded_by")
    public UUID supersededBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public List<UUID> initiativeIds() {
        return initiativeIds.items();
    }

    /** The pipeline amount: oneTime + 12 × recurringMonthly. */
    public BigDecimal firstYearValue() {
        return oneTime.add(recurringMonthly.multiply(BigDecimal.valueOf(12)));
    }

    public boolean isOpen() {
        return status == Status.DRAFT || status == Status.SENT;
    }

    public void touch(Instant now) {
        updatedAt = now;
    }
}
