package io.mspcs.roadmap.rest;

import io.mspcs.roadmap.repository.FailingColumn;
import io.mspcs.roadmap.repository.GateViewEntity;
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

    public record Gates(boolean proposalsBlocked, List<OpenGate> open) {
    }

    public record OpenGate(UUID gateId, String gate, Instant since, List<FailingColumn.Insight> failing,
                           List<UUID> remediationInitiativeIds) {
    }

    public record QuarterItems(String quarter, List<Item> items) {
    }

    public record Item(UUID initiativeId, String title, int position, String state, boolean remediation,
                       String priority, String lane, Short tier, boolean blockedByGate) {

        static Item of(InitiativeEntity initiative, boolean fixFirstOpen) {
            // New work waiting behind an open fix-first gate (roadmap.md §5.1): not yet proposed or approved.
            boolean blocked = fixFirstOpen && !initiative.remediation
                    && initiative.state != io.mspcs.roadmap.domain.InitiativeState.APPROVED
                    && initiative.state != io.mspcs.roadmap.domain.InitiativeState.IN_PROGRESS;
            return new Item(initiative.id, initiative.title, initiative.position, initiative.state.name(),
                    initiative.remediation, initiative.priority.name(), initiative.lane, initiative.tier, blocked);
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

    /** What GET …/roadmap shows (roadmap.md §9): quarters from / to (inclusive, null = open) and completed work. */
    record Range(String fromQuarter, String toQuarter, boolean includeCompleted) {

        boolean shows(InitiativeEntity initiative) {
            boolean state = initiative.isOpen()
                    || (includeCompleted && initiative.state == io.mspcs.roadmap.domain.InitiativeState.COMPLETED);
            return state && (initiative.quarter == null || ((fromQuarter == null
                    || initiative.quarter.compareTo(fromQuarter) >= 0)
                    && (toQuarter == null || initiative.quarter.compareTo(toQuarter) <= 0)));
        }
    }

    static RoadmapResponse of(UUID clientId, RoadmapSnapshot snapshot, Range range) {
        // Initiatives arrive in roadmap order: quarters ascending, then the backlog.
        List<InitiativeEntity> open = snapshot.initiatives().stream().filter(InitiativeEntity::isOpen).toList();
        boolean fixFirstOpen = snapshot.openGates().stream().anyMatch(GateViewEntity::isOpenFixFirst);
        Map<String, List<Item>> byQuarter = new LinkedHashMap<>();
        List<Item> backlog = new ArrayList<>();
        for (InitiativeEntity initiative : snapshot.initiatives().stream().filter(range::shows).toList()) {
            if (initiative.quarter == null) {
                backlog.add(Item.of(initiative, fixFirstOpen));
            } else {
                byQuarter.computeIfAbsent(initiative.quarter, quarter -> new ArrayList<>()).add(Item.of(initiative, fixFirstOpen));
            }
        }
        var roadmap = snapshot.roadmap();
        return new RoadmapResponse(roadmap.id, clientId, roadmap.roadmapVersion, snapshot.currentQuarter().toString(),
                roadmap.horizonQuarters, roadmap.freshnessDays, roadmap.lastReviewedAt,
                new Gates(roadmap.proposalsBlocked, snapshot.openGates().stream().map(gate -> new OpenGate(gate.gateId,
                        gate.gate, gate.since, gate.failing.items(), open.stream()
                        .filter(i -> i.remediation && i.originRefs.gateIds().contains(gate.gateId))
                        .map(i -> i.id).toList())).toList()),
                byQuarter.entrySet().stream().map(e -> new QuarterItems(e.getKey(), List.copyOf(e.getValue()))).toList(),
                List.copyOf(backlog),
                open.stream().limit(HEAD_SIZE)
                        .map(i -> new HeadItem(i.id, i.title, i.quarter, i.position)).toList(),
                warnings(open, snapshot),
                snapshot.history().stream().map(VersionEntry::of).toList());
    }

    /**
     * Warnings (roadmap.md §2, §3.3): BIG_ROCKS_EXCEEDED when a quarter holds more big rocks than the tenant policy
     * allows (2 by default); STALE when the roadmap was last reviewed (or made) longer ago than its freshness days.
     */
    private static List<String> warnings(List<InitiativeEntity> open, RoadmapSnapshot snapshot) {
        Map<String, Long> bigRocks = new LinkedHashMap<>();
        open.stream().filter(i -> i.bigRock && i.quarter != null)
                .forEach(i -> bigRocks.merge(i.quarter, 1L, Long::sum));
        List<String> warnings = new java.util.ArrayList<>();
        if (bigRocks.values().stream().anyMatch(count -> count > snapshot.policy().maxBigRocksPerQuarter())) {
            warnings.add("BIG_ROCKS_EXCEEDED");
        }
        var roadmap = snapshot.roadmap();
        java.time.Instant reviewed = roadmap.lastReviewedAt != null ? roadmap.lastReviewedAt : roadmap.createdAt;
        if (java.time.Duration.between(reviewed, snapshot.now()).toDays() > roadmap.freshnessDays) {
            warnings.add("STALE");
        }
        return List.copyOf(warnings);
    }
}
