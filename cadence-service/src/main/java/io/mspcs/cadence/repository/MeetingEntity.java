package io.mspcs.cadence.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A meeting (cadence.md §2.4, §8.2): SCHEDULED, HELD or CANCELLED, with its recap once written. */
@Entity
@Table(name = "meeting")
public class MeetingEntity {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String HELD = "HELD";
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "meeting_type")
    public String meetingType;
    public String title;
    public boolean strategic;
    public String format;
    @Column(name = "scheduled_for")
    public Instant scheduledFor;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    public boolean confirmed;
    @Column(name = "owner_role")
    public String ownerRole;
    @Column(name = "owner_member_id")
    public UUID ownerMemberId;
    public String source;
    @Column(name = "external_id")
    public String externalId;
    public String status;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "held_at")
    public Instant heldAt;
    @Column(name = "attendee_roles")
    public String attendeeRoles;
    @Column(name = "client_attendee_count")
    public Integer clientAttendeeCount;
    @Column(name = "decision_maker_present")
    public Boolean decisionMakerPresent;
    @Column(name = "exec_sponsor_present")
    public Boolean execSponsorPresent;
    @Column(name = "recap_due_at")
    public Instant recapDueAt;
    @Column(name = "recap_decided")
    public String recapDecided;
    @Column(name = "recap_why_now")
    public String recapWhyNow;
    @Column(name = "recap_owners_and_dates")
    public String recapOwnersAndDates;
    @Column(name = "recap_risks")
    public String recapRisks;
    @Column(name = "recap_next_cadence")
    public String recapNextCadence;
    @Column(name = "recap_recorded_at")
    public Instant recapRecordedAt;
    @Column(name = "recap_on_time")
    public Boolean recapOnTime;
    public boolean counts;
    @Column(name = "decisions_count")
    public int decisionsCount;
    @Column(name = "cadence_slot_id")
    public UUID cadenceSlotId;
    @Column(name = "cta_id")
    public UUID ctaId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
