package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.SlotPlan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A cadence slot (cadence.md §2.3): OPEN, WAITING_RECAP, SATISFIED, MISSED or VOID. */
@Entity
@Table(name = "cadence_slot")
public class CadenceSlotEntity {

    public static final String OPEN = "OPEN";
    public static final String WAITING_RECAP = "WAITING_RECAP";
    public static final String SATISFIED = "SATISFIED";
    public static final String MISSED = "MISSED";
    public static final String VOID = "VOID";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "line_id")
    public UUID lineId;
    @Column(name = "meeting_type")
    public String meetingType;
    public boolean strategic;
    @Column(name = "anchor_date")
    public LocalDate anchorDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "window_end")
    public LocalDate windowEnd;
    @Column(name = "miss_at")
    public Instant missAt;
    public String state;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "miss_reason")
    public String missReason;
    @Column(name = "missed_at")
    public Instant missedAt;
    @Column(name = "policy_version")
    public int policyVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public boolean open() {
        return OPEN.equals(state) || WAITING_RECAP.equals(state);
    }

    public SlotPlan plan() {
        return new SlotPlan(anchorDate, dueDate, windowEnd, missAt);
    }

    public static CadenceSlotEntity of(CadenceLineEntity line, SlotPlan plan, int policyVersion, Instant at) {
        CadenceSlotEntity slot = new CadenceSlotEntity();
        slot.id = UUID.randomUUID();
        slot.tenantId = line.tenantId;
        slot.clientId = line.clientId;
        slot.lineId = line.id;
        slot.meetingType = line.meetingType;
        slot.strategic = line.strategic;
        slot.anchorDate = plan.anchorDate();
        slot.dueDate = plan.dueDate();
        slot.windowEnd = plan.windowEnd();
        slot.missAt = plan.missAt();
        slot.state = OPEN;
        slot.policyVersion = policyVersion;
        slot.createdAt = at;
        slot.updatedAt = at;
        return slot;
    }
}
