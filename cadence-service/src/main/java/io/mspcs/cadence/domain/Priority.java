package io.mspcs.cadence.domain;

/** LOW &lt; MEDIUM &lt; HIGH &lt; CRITICAL (cadence.md §5.1). */
public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL
}
