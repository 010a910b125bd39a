package io.mspcs.cadence.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A decision recorded in a meeting (cadence.md §2.4): at most the policy's maximum per meeting. */
@Entity
@Table(name = "decision")
public class DecisionEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "meeting_id")
    public UUID meetingId;
    public String outcome;
    public String summary;
    @Column(name = "owner_member_id")
    public UUID ownerMemberId;
    @Column(name = "owner_contact_id")
    public UUID ownerContactId;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "budget_amount")
    public BigDecimal budgetAmount;
    @Column(name = "budget_currency")
    public String budgetCurrency;
    @Column(name = "credit_gate_met")
    public boolean creditGateMet;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
