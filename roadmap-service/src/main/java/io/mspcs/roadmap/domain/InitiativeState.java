package io.mspcs.roadmap.domain;

/** The nine initiative states (roadmap.md §4); this slice creates DRAFT only. */
public enum InitiativeState {
    DRAFT, INTERNAL_REVIEW, PROPOSED, APPROVED, DEFERRED, REJECTED, IN_PROGRESS, COMPLETED, CLOSED;

    /**
     * Open items are on the roadmap and cover their insights (DRAFT … IN_PROGRESS); a deferred item waits in a
     * later quarter, so it stays open. Rejected, completed and closed work has left the roadmap.
     */
    public boolean isOpen() {
        return this != REJECTED && this != COMPLETED && this != CLOSED;
    }
}
