package io.mspcs.cadence.domain;

/** The CTA life cycle (cadence.md §5.2); everything but CLOSED counts as open for dedupe. */
public enum CtaStatus {
    OPEN, IN_PROGRESS, SNOOZED, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
