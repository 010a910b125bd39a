package io.mspcs.cadence.domain;

/** What a measurement means for an open condition CTA (cadence.md §5.4). */
public enum ClearingDecision {
    /** the condition no longer holds: auto-close */
    CLEARED,
    /** the condition still holds: the CTA stays open */
    STILL_RAISED,
    /** older than the CTA's newest cause: it cannot clear what came after it */
    STALE
}
