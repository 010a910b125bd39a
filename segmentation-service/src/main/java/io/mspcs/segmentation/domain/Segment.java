package io.mspcs.segmentation.domain;

/** Segment A–D (segmentation.md §3.3); the rank orders upgrades and downgrades by goal level. */
public enum Segment {
    A(4, "TRANSFORM"), B(3, "MODERNIZE"), C(2, "EDUCATE"), D(1, "SUSTAIN");

    private final int rank;
    private final String archetype;

    Segment(int rank, String archetype) {
        this.rank = rank;
        this.archetype = archetype;
    }

    public int rank() {
        return rank;
    }

    public String archetype() {
        return archetype;
    }

    public boolean below(Segment other) {
        return rank < other.rank;
    }

    /** The quadrant: maturity × appetite. */
    public static Segment of(Level maturity, Level appetite) {
        if (maturity == Level.HIGH) {
            return appetite == Level.HIGH ? A : C;
        }
        return appetite == Level.HIGH ? B : D;
    }
}
