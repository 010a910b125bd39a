package io.mspcs.health.domain;

/** How an insight's coverage becomes its value cᵢ (health.md §3.3). */
public enum DmiMethod {
    /** cᵢ = coverage. */
    WEIGHTED_COVERAGE,
    /** cᵢ = min(1, coverage / target). */
    TARGET_RELATIVE
}
