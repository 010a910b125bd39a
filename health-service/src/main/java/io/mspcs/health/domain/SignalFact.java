package io.mspcs.health.domain;

import java.time.Instant;
import java.util.Map;

/** A stored signal as scoring reads it: its source, type, times and typed values. */
public record SignalFact(String id, String source, String type, Instant eventTime, Instant observedAt,
                         Instant receivedAt, Map<String, Object> values) {
}
