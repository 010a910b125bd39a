package io.mspcs.roadmap.domain;

import java.util.UUID;

/** One item's change of place in a resequencing (a {@code RoadmapVersion} move). */
public record RoadmapMove(UUID initiativeId, Quarter fromQuarter, Quarter toQuarter, int fromPosition, int toPosition) {
}
