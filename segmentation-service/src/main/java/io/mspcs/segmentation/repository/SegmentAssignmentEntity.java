package io.mspcs.segmentation.repository;

import io.mspcs.segmentation.domain.ClientSignals;
import io.mspcs.segmentation.domain.SegmentAssignment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The current segment record of one client plus the inputs kept from consumed events. */
@Entity
@Table(name = "segment_assignment")
public class SegmentAssignmentEntity {

    @Id
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String segment;
    public String basis;
    @Column(name = "computed_segment")
    public String computedSegment;
    public boolean provisional;
    @Column(name = "mrr_band")
    public String mrrBand;
    @Column(name = "health_color")
    public String healthColor;
    @Column(name = "last_scored_at")
    public Instant lastScoredAt;
    @Column(name = "override_expires_at")
    public Instant overrideExpiresAt;
    public String state;
    public String signals;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public SegmentAssignment assignment() {
        return JsonColumns.read(state, SegmentAssignment.class);
    }

    public ClientSignals clientSignals() {
        return JsonColumns.read(signals, ClientSignals.class);
    }

    public void store(SegmentAssignment assignment, Instant at) {
        segment = assignment.segment().name();
        basis = assignment.basis().name();
        computedSegment = assignment.computedSegment().name();
        provisional = assignment.provisional();
        mrrBand = assignment.mrrBand().name();
        overrideExpiresAt = assignment.override() == null ? null : assignment.override().expiresAt();
        state = JsonColumns.write(assignment);
        updatedAt = at;
    }

    public void store(ClientSignals clientSignals, Instant at) {
        healthColor = clientSignals.healthColor();
        signals = JsonColumns.write(clientSignals);
        updatedAt = at;
    }

    public static SegmentAssignmentEntity create(UUID tenantId, UUID clientId, SegmentAssignment assignment,
                                                 ClientSignals signals, Instant at) {
        SegmentAssignmentEntity entity = new SegmentAssignmentEntity();
        entity.tenantId = tenantId;
        entity.clientId = clientId;
        entity.createdAt = at;
        entity.store(assignment, at);
        entity.store(signals, at);
        return entity;
    }
}
