package io.mspcs.health.domain;

/**
 * Which column of the band table (health.md §3.9) a client is coloured by: its segment when known and not
 * provisional, otherwise STANDARD (§9.9: provisional or unknown segment → STANDARD).
 */
public enum BandProfile {
    A, B, C, D, STANDARD;

    public static BandProfile of(String segment, boolean provisional) {
        if (segment == null || provisional) {
            return STANDARD;
        }
        return switch (segment) {
            case "A" -> A;
            case "B" -> B;
            case "C" -> C;
            case "D" -> D;
            default -> STANDARD; // segments are an open enum; an unknown letter is treated as no segment
        };
    }
}
