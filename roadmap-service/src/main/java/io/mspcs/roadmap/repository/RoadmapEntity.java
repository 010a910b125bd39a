package io.mspcs.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One roadmap per client; {@code roadmapVersion} grows by one per resequence. */
@Entity
@Table(name = "roadmap")
public class RoadmapEntity {

    /** Calibration of an unsegmented client (roadmap.md §2): horizon quarters / freshness days. */
    static final short UNSEGMENTED_HORIZON_QUARTERS = 4;
    static final short UNSEGMENTED_FRESHNESS_DAYS = 180;

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "roadmap_version")
    public int roadmapVersion;
    @Column(name = "horizon_quarters")
    public short horizonQuarters;
    @Column(name = "freshness_days")
    public short freshnessDays;
    @Column(name = "last_reviewed_at")
    public Instant lastReviewedAt;
    @Column(name = "proposals_blocked")
    public boolean proposalsBlocked;
    /** The quarter the last rollover brought the roadmap to: the first sweep of a quarter rolls over once. */
    @Column(name = "rolled_over_to")
    public String rolledOverTo;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    /** The empty roadmap of a new client: version 0, nothing on it yet. */
    public static RoadmapEntity empty(UUID tenantId, UUID clientId, Instant now) {
        RoadmapEntity roadmap = new RoadmapEntity();
        roadmap.id = UUID.randomUUID();
        roadmap.tenantId = tenantId;
        roadmap.clientId = clientId;
        roadmap.roadmapVersion = 0;
        roadmap.horizonQuarters = UNSEGMENTED_HORIZON_QUARTERS;
        roadmap.freshnessDays = UNSEGMENTED_FRESHNESS_DAYS;
        roadmap.createdAt = now;
        roadmap.updatedAt = now;
        return roadmap;
    }

    public int nextVersion(Instant now) {
        roadmapVersion++;
        updatedAt = now;
        return roadmapVersion;
    }
}
