package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Expected moves (health.md §3.3): an initiative promised {@code expectedPoints} on an insight; at the first CYCLE
 * reading at least 30 days after completion that has a value for the insight, {@code actualPoints = 100 · (coverage −
 * baseline)} decides MET (≥ expected) or MISSED. Until then — or without a baseline — the move is PENDING.
 */
public final class ExpectedMoves {

    static final Duration SETTLE = Duration.ofDays(30);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ExpectedMoves() {
    }

    public enum Status { PENDING, MET, MISSED }

    public record Move(UUID initiativeId, String insightCode, BigDecimal expectedPoints, BigDecimal baselineCoverage,
                       Instant completedAt) {
    }

    /** A CYCLE snapshot's coverage by insight code. */
    public record CycleReading(Instant measuredAt, Map<String, BigDecimal> coverage) {
    }

    public record Verdict(Move move, Status status, BigDecimal actualPoints, Instant measuredAt) {
    }

    /** @param cycles CYCLE readings, oldest first */
    public static Verdict evaluate(Move move, List<CycleReading> cycles) {
        if (move.baselineCoverage() == null) {
            return new Verdict(move, Status.PENDING, null, null);
        }
        Instant due = move.completedAt().plus(SETTLE);
        for (CycleReading cycle : cycles) {
            BigDecimal coverage = cycle.coverage().get(move.insightCode());
            if (!cycle.measuredAt().isBefore(due) && coverage != null) {
                BigDecimal actual = coverage.subtract(move.baselineCoverage()).multiply(HUNDRED)
                        .setScale(2, RoundingMode.HALF_UP);
                return new Verdict(move, actual.compareTo(move.expectedPoints()) >= 0 ? Status.MET : Status.MISSED,
                        actual, cycle.measuredAt());
            }
        }
        return new Verdict(move, Status.PENDING, null, null);
    }
}
