package io.mspcs.cadence.domain;

/** How a CTA change reaches its owner (cadence.md §5.7). */
public enum Notification {
    IMMEDIATE, DIGEST, NONE
}
