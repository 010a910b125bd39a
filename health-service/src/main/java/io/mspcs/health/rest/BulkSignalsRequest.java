package io.mspcs.health.rest;

import java.util.List;

/** {@code items} stay JSON-shaped (maps) so every item is validated on its own, never the whole batch at once. */
public record BulkSignalsRequest(String source, List<Object> items) {
}
