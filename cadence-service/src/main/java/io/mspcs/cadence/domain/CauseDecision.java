package io.mspcs.cadence.domain;

/** What a trigger does to the CTAs of its dedupe key (cadence.md §5.3); named as firing outcomes (§4.1). */
public enum CauseDecision {
    /** no open CTA for the key: open one */
    OPEN,
    /** an open CTA and a new cause: append it, occurrences + 1, {@code CtaUpdated} */
    UPDATE,
    /** the open CTA already has this cause (same snapshot under a new event id): nothing */
    DUPLICATE_CAUSE
}
