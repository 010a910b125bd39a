package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.Frequency;
import io.mspcs.cadence.domain.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A client's cadence line (cadence.md §2.2) as the policy version in force made it, with its frequency override. */
@Entity
@Table(name = "cadence_line")
public class CadenceLineEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "meeting_type")
    public String meetingType;
    @Enumerated(EnumType.STRING)
    public Frequency frequency;
    @Enumerated(EnumType.STRING)
    @Column(name = "override_frequency")
    public Frequency overrideFrequency;
    @Column(name = "override_reason")
    public String overrideReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "owner_role")
    public Role ownerRole;
    public boolean strategic;
    @Column(name = "satisfied_by")
    public String satisfiedBy;
    @Column(name = "last_held_at")
    public Instant lastHeldAt;
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public Frequency effectiveFrequency() {
        return overrideFrequency == null ? frequency : overrideFrequency;
    }

    public List<String> satisfyingTypes() {
        return Arrays.asList(satisfiedBy.split(","));
    }

    public boolean satisfiedBy(String meetingType) {
        return satisfyingTypes().contains(meetingType);
    }

    public static CadenceLineEntity of(UUID tenantId, UUID clientId, String meetingType, Frequency frequency,
                                       Role ownerRole, boolean strategic, List<String> satisfyingTypes, Instant at) {
        CadenceLineEntity line = new CadenceLineEntity();
        line.id = UUID.randomUUID();
        line.tenantId = tenantId;
        line.clientId = clientId;
        line.meetingType = meetingType;
        line.frequency = frequency;
        line.ownerRole = ownerRole;
        line.strategic = strategic;
        line.satisfiedBy = String.join(",", satisfyingTypes);
        line.active = true;
        line.createdAt = at;
        line.updatedAt = at;
        return line;
    }
}
