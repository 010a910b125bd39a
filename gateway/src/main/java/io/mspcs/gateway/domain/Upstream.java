package io.mspcs.gateway.domain;

/** Where a request under {@code /api/v1} is served (gateway.md §3). */
public enum Upstream {
    SEGMENTATION, HEALTH, CADENCE, ROADMAP,
    /** served by the gateway itself */
    GATEWAY,
    /** no service owns the path: 404 */
    NONE
}
