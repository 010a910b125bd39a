package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.RoadmapMove;

import java.util.UUID;

/** A move as stored in {@code roadmap_version.moves}: quarters as their {@code YYYY-Qn} text. */
public record StoredMove(UUID initiativeId, String fromQuarter, String toQuarter, int fromPosition, int toPosition) {

    public static StoredMove of(RoadmapMove move) {
        return new StoredMove(move.initiativeId(), text(move.fromQuarter()), text(move.toQuarter()),
                move.fromPosition(), move.toPosition());
    }

    private static String text(Quarter quarter) {
        return quarter == null ? null : quarter.toString();
    }
}
