package io.mspcs.health.domain;

/** A band colour, best first: the declaration order is what "improving" and "worsening" mean. */
public enum Color {
    GREEN, YELLOW, RED;

    public boolean isBetterThan(Color other) {
        return other != null && ordinal() < other.ordinal();
    }
}
