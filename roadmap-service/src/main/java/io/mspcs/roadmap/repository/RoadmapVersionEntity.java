package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.RoadmapMove;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of a roadmap's append-only history (roadmap.md §3.3 RoadmapVersion). */
@Entity
@Table(name = "roadmap_version")
public class RoadmapVersionEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "roadmap_id")
    public UUID roadmapId;
    @Column(name = "roadmap_version")
    public int roadmapVersion;
    public Instant at;
    public String reason;
    public String note;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "causation_event_id")
    public UUID causationEventId;
    @JdbcTypeCode(SqlTypes.JSON)
    public MovesColumn moves;
    @Column(name = "proposals_blocked")
    public boolean proposalsBlocked;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static RoadmapVersionEntity causedByEvent(RoadmapEntity roadmap, String reason, UUID causationEventId,
                                                     List<RoadmapMove> moves, Instant at) {
        RoadmapVersionEntity entry = new RoadmapVersionEntity();
        entry.id = UUID.randomUUID();
        entry.tenantId = roadmap.tenantId;
        entry.roadmapId = roadmap.id;
        entry.roadmapVersion = roadmap.roadmapVersion;
        entry.at = at;
        entry.reason = reason;
        entry.causationEventId = causationEventId;
        entry.moves = new MovesColumn(moves.stream().map(StoredMove::of).toList());
        entry.proposalsBlocked = roadmap.proposalsBlocked;
        entry.createdAt = at;
        entry.updatedAt = at;
        return entry;
    }
}
