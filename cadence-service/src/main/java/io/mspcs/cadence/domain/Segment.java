package io.mspcs.cadence.domain;

import java.util.Optional;

/** The client segments A–D (events.md §3); a value this service does not know is treated as unknown. */
public enum Segment {
    A, B, C, D;

    public static Optional<Segment> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Segment segment : values()) {
            if (segment.name().equals(value)) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    public boolean highTouch() {
        return this == A || this == B;
    }
}
