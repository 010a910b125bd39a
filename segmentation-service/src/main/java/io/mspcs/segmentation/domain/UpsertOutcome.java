package io.mspcs.segmentation.domain;

/** What a bulk upsert did with one item (gateway.md §9.1). */
public enum UpsertOutcome {
    CREATED, UPDATED, UNCHANGED, REJECTED
}
