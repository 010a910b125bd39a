package io.mspcs.segmentation.service;

import io.mspcs.segmentation.domain.UpsertOutcome;
import io.mspcs.segmentation.domain.Violation;

import java.util.List;
import java.util.UUID;

/** The per-item answer of a bulk upsert, in request order. */
public record BulkUpsertResult(List<Item> items) {

    public record Item(int index, String source, String externalId, UpsertOutcome outcome, UUID clientId,
                       List<String> changedFields, boolean stale, List<Violation> violations) {
    }

    public long count(UpsertOutcome outcome) {
        return items.stream().filter(item -> item.outcome() == outcome).count();
    }
}
