package io.mspcs.segmentation.rest;

import io.mspcs.segmentation.domain.AxisScore;
import io.mspcs.segmentation.domain.ClientSignals;
import io.mspcs.segmentation.domain.FreezeStatus;
import io.mspcs.segmentation.domain.InvestmentPlan;
import io.mspcs.segmentation.domain.PromotionCheck;
import io.mspcs.segmentation.domain.SegmentAssignment;
import io.mspcs.segmentation.domain.SegmentationPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code GET …/segment}: the record of segmentation.md §2.2 plus an explanation of how it came about. */
public record SegmentView(UUID clientId, String segment, String basis, String computedSegment, boolean provisional,
                          String goalLevel, BigDecimal maturity, BigDecimal appetite, String maturityLevel,
                          String appetiteLevel, Quadrant quadrant, String mrrBand, SegmentAssignment.SegmentReason reason,
                          SegmentAssignment.InputHealth inputHealth, int policyVersion, Instant computedAt,
                          Instant lastChangeAt, SegmentAssignment.Override override, SegmentAssignment.Hold hold,
                          FreezeStatus freeze, Promotion promotion, InvestmentPlan investment, Explanation explanation) {

    public record Quadrant(String maturity, String appetite, String archetype) {
    }

    public record Promotion(boolean eligible, LocalDate dmiRunStart, BigDecimal latestDmi, boolean cadenceHolds) {
    }

    public record Axis(BigDecimal index, List<AxisScore.Contribution> contributions) {
    }

    public record Explanation(Axis maturity, Axis appetite, List<String> rules) {
    }

    static SegmentView of(UUID clientId, SegmentAssignment a, ClientSignals signals, SegmentationPolicy policy, Instant now) {
        FreezeStatus freeze = FreezeStatus.evaluate(signals, policy.freeze(), now);
        PromotionCheck p = a.promotion();
        List<String> rules = new ArrayList<>();
        if (p != null) {
            rules.add(p.rule());
        }
        if (freeze.active()) {
            rules.add("freeze: downgrades held" + (freeze.until() == null ? "" : " until " + freeze.until()));
        }
        if (a.hold() != null) {
            rules.add("hold: " + a.hold().segment() + " held by " + a.hold().heldBy()
                    + (a.hold().until() == null ? "" : " until " + a.hold().until()));
        }
        if (a.override() != null) {
            rules.add("override: " + a.override().segment() + " by " + a.override().by());
        }
        return new SegmentView(clientId, a.segment().name(), a.basis().name(), a.computedSegment().name(),
                a.provisional(), a.goalLevel(), a.maturity(), a.appetite(), name(a.maturityLevel()),
                name(a.appetiteLevel()), a.quadrant() == null ? null : new Quadrant(a.maturityLevel().name(),
                a.appetiteLevel().name(), a.quadrant().archetype()), a.mrrBand().name(), a.reason(), a.inputHealth(),
                a.policyVersion(), a.computedAt(), a.lastChangeAt(), a.override(), a.hold(), freeze,
                p == null ? null : new Promotion(p.eligible(), p.dmiRunStart(), p.latestDmi(), p.cadenceHolds()),
                a.investment(), new Explanation(axis(policy.axes().maturityWeights(), signals),
                axis(policy.axes().appetiteWeights(), signals), rules));
    }

    private static Axis axis(java.util.Map<String, BigDecimal> weights, ClientSignals signals) {
        if (signals.dimensionScores() == null) {
            return null;
        }
        return AxisScore.of(weights, signals.dimensionScores()).map(s -> new Axis(s.index(), s.contributions())).orElse(null);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
