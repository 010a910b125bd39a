package io.mspcs.cadence.domain;

/** Which step of owner resolution (cadence.md §5.6) produced the CTA's member. */
public enum OwnerResolution {
    OWNER, BACKUP, FALLBACK_ROLE, UNASSIGNED
}
