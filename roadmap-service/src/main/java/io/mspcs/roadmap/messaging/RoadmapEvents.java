package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.OutgoingEvent;
import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.RoadmapMove;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.RoadmapEntity;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Builds the roadmap events (events.md §4.4); the payload records are this producer's own. */
public final class RoadmapEvents {

    /** Schema caps of RoadmapResequenced. */
    public static final int HEAD_SIZE = 5;
    static final int MAX_MOVES = 50;

    private RoadmapEvents() {
    }

    record HealthLinkData(String dimension, String insightCode, BigDecimal expectedPoints) {
    }

    record InitiativeCreatedData(String clientId, String initiativeId, String title, String state, String lane,
                                 String quarter, int position, String origin, String ctaId, List<String> findingIds,
                                 boolean stabilityWork, Short tier, Object estimate, List<HealthLinkData> healthLinks,
                                 String priority) {
    }

    record HeadItem(String initiativeId, String title, String quarter, int position) {
    }

    record Move(String initiativeId, String fromQuarter, String toQuarter, int fromPosition, int toPosition) {
    }

    record RoadmapResequencedData(String clientId, String roadmapId, int version, String reason, List<HeadItem> head,
                                  List<Move> moves, boolean proposalsBlocked) {
    }

    public static OutgoingEvent initiativeCreated(InitiativeEntity initiative) {
        List<UUID> ctaIds = initiative.originRefs.ctaIds();
        return new OutgoingEvent(EventTypes.INITIATIVE_CREATED, initiative.clientId.toString(), "Initiative",
                initiative.id.toString(), new InitiativeCreatedData(initiative.clientId.toString(),
                initiative.id.toString(), initiative.title, initiative.state.name(), initiative.lane,
                initiative.quarter, initiative.position, initiative.origin.name(),
                ctaIds.isEmpty() ? null : ctaIds.get(0).toString(),
                initiative.originRefs.findingIds().stream().map(UUID::toString).toList(), initiative.remediation,
                initiative.tier, null, initiative.healthLinks().stream().map(RoadmapEvents::link).toList(),
                initiative.priority.name()));
    }

    /**
     * @param head  the first open items in roadmap order (at most {@link #HEAD_SIZE} are sent)
     * @param moves this version's moves (at most {@value #MAX_MOVES} are sent; the version keeps all)
     */
    public static OutgoingEvent roadmapResequenced(RoadmapEntity roadmap, String reason, List<InitiativeEntity> head,
                                                   List<RoadmapMove> moves) {
        return new OutgoingEvent(EventTypes.ROADMAP_RESEQUENCED, roadmap.clientId.toString(), "Roadmap",
                roadmap.id.toString(), new RoadmapResequencedData(roadmap.clientId.toString(), roadmap.id.toString(),
                roadmap.roadmapVersion, reason,
                head.stream().limit(HEAD_SIZE).map(item -> new HeadItem(item.id.toString(), item.title, item.quarter,
                        item.position)).toList(),
                moves.stream().limit(MAX_MOVES).map(RoadmapEvents::move).toList(), roadmap.proposalsBlocked));
    }

    private static HealthLinkData link(HealthLink link) {
        return new HealthLinkData(link.dimension(), link.insightCode(), link.expectedPoints());
    }

    private static Move move(RoadmapMove move) {
        return new Move(move.initiativeId().toString(), text(move.fromQuarter()), text(move.toQuarter()),
                move.fromPosition(), move.toPosition());
    }

    private static String text(Object quarter) {
        return quarter == null ? null : quarter.toString();
    }
}
