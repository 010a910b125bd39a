package io.mspcs.cadence.domain;

/**
 * A CTA keeps its first cause and the newest 49 (cadence.md §5.1), so the chain stays bounded however often a
 * condition repeats; {@code occurrences} still counts every cause. Causes are numbered 1, 2, … in arrival order.
 */
public final class CauseChain {

    public static final int NEWEST_KEPT = 49;

    private CauseChain() {
    }

    /** After cause number {@code newestSeq} is appended, causes numbered 2 … this value are dropped (none if &lt; 2). */
    public static int dropUpTo(int newestSeq) {
        return newestSeq - NEWEST_KEPT;
    }

    public static boolean keeps(int seq, int newestSeq) {
        return seq == 1 || seq > dropUpTo(newestSeq);
    }
}
