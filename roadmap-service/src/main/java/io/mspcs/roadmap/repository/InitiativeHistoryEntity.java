package io.mspcs.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One transition of an initiative, with the decision recorded with it (roadmap.md §4, §3.6); append-only. */
@Entity
@Table(name = "initiative_history")
public class InitiativeHistoryEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state")
    public String toState;
    @Column(name = "reason_code")
    public String reasonCode;
    @Column(name = "reason_text")
    public String reasonText;
    @Column(name = "actor_id")
    public String actorId;
    public Instant at;
    @JdbcTypeCode(SqlTypes.JSON)
    public DecisionColumn decision;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static InitiativeHistoryEntity of(InitiativeEntity initiative, String from, String to, String reasonCode,
                                             String reasonText, String actorId, DecisionColumn decision, Instant at) {
        InitiativeHistoryEntity entry = new InitiativeHistoryEntity();
        entry.id = UUID.randomUUID();
        entry.tenantId = initiative.tenantId;
        entry.initiativeId = initiative.id;
        entry.fromState = from;
        entry.toState = to;
        entry.reasonCode = reasonCode;
        entry.reasonText = reasonText;
        entry.actorId = actorId;
        entry.decision = decision;
        entry.at = at;
        entry.createdAt = at;
        entry.updatedAt = at;
        return entry;
    }
}
