package io.mspcs.roadmap.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.roadmap.domain.RoadmapMove;
import io.mspcs.roadmap.messaging.RoadmapEvents;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.RoadmapEntity;
import io.mspcs.roadmap.repository.RoadmapVersionEntity;
import io.mspcs.roadmap.repository.RoadmapVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** A new roadmap version (roadmap.md §3.3): history row and {@code RoadmapResequenced}, in the caller's transaction. */
@ApplicationScoped
public class RoadmapVersions {

    private final RoadmapVersionRepository versions;
    private final OutboxWriter outbox;

    public RoadmapVersions(RoadmapVersionRepository versions, OutboxWriter outbox) {
        this.versions = versions;
        this.outbox = outbox;
    }

    public Uni<Void> record(ClientState state, String reason, String note, String actorId, List<RoadmapMove> moves,
                            EventContext context) {
        RoadmapEntity roadmap = state.roadmap();
        roadmap.nextVersion(state.now());
        RoadmapVersionEntity entry = RoadmapVersionEntity.causedByEvent(roadmap, reason, context.causationId(), moves,
                state.now());
        entry.note = note;
        entry.actorId = actorId;
        List<InitiativeEntity> head = state.openInOrder().stream().limit(RoadmapEvents.HEAD_SIZE).toList();
        return versions.persist(entry)
                .call(() -> outbox.append(RoadmapEvents.roadmapResequenced(roadmap, reason, head, moves), context))
                .replaceWithVoid();
    }
}
