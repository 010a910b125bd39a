package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One append-only history entry of a client's segment (segmentation.md §2.2); actor = "system" or the principal. */
public record HistoryEntry(int seq, Instant at, String kind, Segment from, Segment to, SegmentAssignment.Basis basis,
                           SegmentAssignment.SegmentReason reason, BigDecimal maturity, BigDecimal appetite,
                           MrrBand mrrBand, SegmentAssignment.InputHealth inputHealth, int policyVersion, String actor) {

    public static HistoryEntry of(int seq, Instant at, String kind, Segment from, SegmentAssignment to, String actor) {
        return new HistoryEntry(seq, at, kind, from, to.segment(), to.basis(), to.reason(), to.maturity(), to.appetite(),
                to.mrrBand(), to.inputHealth(), to.policyVersion(), actor);
    }
}
