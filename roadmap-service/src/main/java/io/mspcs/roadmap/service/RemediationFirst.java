package io.mspcs.roadmap.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.roadmap.domain.RoadmapSequencer;
import io.mspcs.roadmap.messaging.RoadmapEvents;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.mspcs.roadmap.repository.RoadmapEntity;
import io.mspcs.roadmap.repository.RoadmapVersionEntity;
import io.mspcs.roadmap.repository.RoadmapVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Places new remediation initiatives and resequences the roadmap remediation first (roadmap.md §5.3 step 2), in
 * the caller's transaction: the initiatives, their {@code InitiativeCreated}, the new roadmap version and its
 * {@code RoadmapResequenced} are written together, or nothing is.
 */
@ApplicationScoped
public class RemediationFirst {

    static final String REASON = "REMEDIATION_FIRST";

    private final InitiativeRepository initiatives;
    private final RoadmapVersionRepository versions;
    private final OutboxWriter outbox;

    public RemediationFirst(InitiativeRepository initiatives, RoadmapVersionRepository versions, OutboxWriter outbox) {
        this.initiatives = initiatives;
        this.versions = versions;
        this.outbox = outbox;
    }

    /**
     * @param existing the client's initiatives before this change, in roadmap order
     * @param created  new remediation initiatives, not persisted yet, in creation order
     */
    public Uni<Void> apply(ClientRoadmap target, List<InitiativeEntity> existing, List<InitiativeEntity> created,
                           EventContext context, Instant now) {
        return apply(target, existing, created, context, now, false);
    }

    /** @param blockedChanged {@code proposalsBlocked} changed: a new version even without moves (events.md §4.4) */
    public Uni<Void> apply(ClientRoadmap target, List<InitiativeEntity> existing, List<InitiativeEntity> created,
                           EventContext context, Instant now, boolean blockedChanged) {
        List<InitiativeEntity> open = existing.stream().filter(InitiativeEntity::isOpen).toList();
        List<RoadmapSequencer.Item> items = Stream.concat(
                open.stream().map(initiative -> initiative.sequencingItem(true)),
                created.stream().map(initiative -> initiative.sequencingItem(false))).toList();
        RoadmapSequencer.Result result = RoadmapSequencer.remediationFirst(items, target.currentQuarter(now));

        Map<UUID, InitiativeEntity> byId = new LinkedHashMap<>();
        Stream.concat(open.stream(), created.stream()).forEach(initiative -> byId.put(initiative.id, initiative));
        result.placements().forEach((id, placement) -> byId.get(id).place(placement, now));

        Uni<Void> written = created.isEmpty() ? Uni.createFrom().voidItem() : initiatives.persist(created);
        for (InitiativeEntity initiative : created) {
            written = written.call(() -> outbox.append(RoadmapEvents.initiativeCreated(initiative), context));
        }
        if (!result.changed() && !blockedChanged) {
            return written;
        }
        RoadmapEntity roadmap = target.roadmap();
        roadmap.nextVersion(now);
        List<InitiativeEntity> head = result.placements().keySet().stream()
                .limit(RoadmapEvents.HEAD_SIZE).map(byId::get).toList();
        return written
                .call(() -> versions.persist(RoadmapVersionEntity.causedByEvent(roadmap, REASON, context.causationId(),
                        result.moves(), now)))
                .call(() -> outbox.append(RoadmapEvents.roadmapResequenced(roadmap, REASON, head, result.moves()),
                        context))
                .replaceWithVoid();
    }
}
