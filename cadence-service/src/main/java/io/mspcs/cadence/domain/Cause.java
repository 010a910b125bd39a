package io.mspcs.cadence.domain;

import java.time.Instant;
import java.util.UUID;

/** One entry of a CTA's cause chain (cadence.md §5.1): the event that raised or repeated it. */
public record Cause(UUID eventId, String type, Instant time, String causeKey, String correlationId, String summary) {
}
