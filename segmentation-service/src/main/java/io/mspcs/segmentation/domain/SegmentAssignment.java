package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The one current segment record of a client (segmentation.md §2.2). */
public record SegmentAssignment(Segment segment, Basis basis, Segment computedSegment, boolean provisional,
                                BigDecimal maturity, BigDecimal appetite, Level maturityLevel, Level appetiteLevel,
                                String goalLevel, MrrBand mrrBand, SegmentReason reason, int policyVersion,
                                Instant computedAt, Instant lastChangeAt, InputHealth inputHealth, Override override,
                                Hold hold, FreezeStatus freeze, PromotionCheck promotion, InvestmentPlan investment) {

    public enum Basis { PROVISIONAL, COMPUTED, OVERRIDE }

    public enum HeldBy { FREEZE, DWELL }

    public record SegmentReason(String code, String text, Map<String, Object> inputs) {
    }

    public record InputHealth(UUID eventId, int modelVersion, Instant scoredAt) {
    }

    public record Override(UUID id, Segment segment, String reason, String by, Instant setAt, Instant expiresAt) {
    }

    public record Hold(Segment segment, HeldBy heldBy, Instant since, Instant until) {
        boolean sameAs(Hold other) {
            return other != null && segment == other.segment && heldBy == other.heldBy
                    && java.util.Objects.equals(until, other.until);
        }
    }

    /** The quadrant's letter from the levels, or null while an axis is unknown. */
    public Segment quadrant() {
        return maturityLevel == null || appetiteLevel == null ? null : Segment.of(maturityLevel, appetiteLevel);
    }

    public SegmentAssignment withOverride(Override newOverride) {
        return new SegmentAssignment(segment, basis, computedSegment, provisional, maturity, appetite, maturityLevel,
                appetiteLevel, goalLevel, mrrBand, reason, policyVersion, computedAt, lastChangeAt, inputHealth,
                newOverride, hold, freeze, promotion, investment);
    }

    /** Goal level follows the effective segment; 1.5 needs both axes at or above the innovation threshold. */
    public static String goalLevel(Segment segment, BigDecimal maturity, BigDecimal appetite, BigDecimal innovation) {
        return switch (segment) {
            case A -> maturity != null && appetite != null && maturity.compareTo(innovation) >= 0
                    && appetite.compareTo(innovation) >= 0 ? "1.5" : "1.4";
            case B -> "1.3";
            case C -> "1.2";
            case D -> "1.1";
        };
    }
}
