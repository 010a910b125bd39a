package io.mspcs.cadence.domain;

/** How a CTA ended (cadence.md §5.2). */
public enum CloseStatus {
    DONE, AUTO_CLOSED, CANCELLED, SUPERSEDED
}
