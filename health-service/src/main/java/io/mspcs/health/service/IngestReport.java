package io.mspcs.health.service;

import io.mspcs.health.domain.ItemProblem;

import java.util.List;
import java.util.UUID;

/** The answer to a bulk ingest: a summary and one result per item, in item order (health.md §6). */
public record IngestReport(UUID batchId, int received, int created, int updated, int unchanged, int rejected,
                           List<Item> items) {

    public enum Status { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** {@code current} only for state types; {@code stale} only for an ignored older observation. */
    public record Item(int index, Status status, UUID signalId, UUID clientId, Boolean current, Boolean stale,
                       ItemProblem problem) {
    }
}
