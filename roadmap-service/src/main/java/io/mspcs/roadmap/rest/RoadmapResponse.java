package io.mspcs.roadmap.rest;

import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.RoadmapVersionEntity;
import io.mspcs.roadmap.repository.StoredMove;
import io.mspcs.roadmap.service.RoadmapReadService.RoadmapSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/v1/clients/{clientId}/roadmap}: open items by quarter, backlog, head and history. */
public record RoadmapResponse(UUID roadmapId, UUID clientId, int version, String currentQuarter, int horizonQuarters,
                              int freshnessDays, Instant lastReviewedAt, Gates gates, List<QuarterItems> quarters,
                              List<Item> backlog, List<HeadItem> head, List<String> warnings,
                              List<VersionEntry> history) {

    static final int HEAD_SIZE = 5;

    public record Gates(boolean proposalsBlocked, List<Object> open) {
    }

    public record QuarterItems(String quarter, List<Item> items) {
    }

    public record Item(UUID initiativeId, String title, int position, String state, boolean remediation,
                       String priority, String lane, Short tier) {

        static Item of(InitiativeEntity initiative) {
            return new Item(initiative.id, initiative.title, initiative.position, initiative.state.name(),
                    initiative.remediation, initiative.priority.name(), initiative.lane, initiative.tier);
        }
    }

    public record HeadItem(UUID initiativeId, String title, String quarter, int position) {
    }

    public record VersionEntry(int version, Instant at, String reason, String note, String actorId,
                               UUID causationEventId, List<StoredMove> moves, boolean proposalsBlocked) {

        static VersionEntry of(RoadmapVersionEntity entry) {
            return new VersionEntry(entry.roadmapVersion, entry.at, entry.reason, entry.note, entry.actorId,
                    entry.causationEventId, entry.moves.items(), entry.proposalsBlocked);
        }
    }

    static RoadmapResponse of(UUID clientId, RoadmapSnapshot snapshot) {
        // Initiatives arrive in roadmap order: quarters ascending, then the backlog.
        List<InitiativeEntity> open = snapshot.initiatives().stream().filter(InitiativeEntity::isOpen).toList();
        Map<String, List<Item>> byQuarter = new LinkedHashMap<>();
        List<Item> backlog = new ArrayList<>();
        for (InitiativeEntity initiative : open) {
            if (initiative.quarter == null) {
                backlog.add(Item.of(initiative));
            } else {
                byQuarter.computeIfAbsent(initiative.quarter, quarter -> new ArrayList<>()).add(Item.of(initiative));
            }
        }
        var roadmap = snapshot.roadmap();
        return new RoadmapResponse(roadmap.id, clientId, roadmap.roadmapVersion, snapshot.currentQuarter().toString(),
                roadmap.horizonQuarters, roadmap.freshnessDays, roadmap.lastReviewedAt,
                new Gates(roadmap.proposalsBlocked, List.of()),
                byQuarter.entrySet().stream().map(e -> new QuarterItems(e.getKey(), List.copyOf(e.getValue()))).toList(),
                List.copyOf(backlog),
                open.stream().limit(HEAD_SIZE)
                        .map(i -> new HeadItem(i.id, i.title, i.quarter, i.position)).toList(),
                List.of(),
                snapshot.history().stream().map(VersionEntry::of).toList());
    }
}
