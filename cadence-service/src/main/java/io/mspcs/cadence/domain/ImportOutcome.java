package io.mspcs.cadence.domain;

/** The per-item answer of a bulk import (as segmentation's bulk endpoints answer). */
public enum ImportOutcome {
    CREATED, UPDATED, UNCHANGED, REJECTED
}
