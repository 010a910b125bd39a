package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A valid bulk item, before its client is resolved: {@code clientId} or the registry key {@code clientSource}/{@code
 * clientExternalId}. {@code coverage} is set for types that feed a DMI insight ({@code insightCode}); {@code values}
 * are the type's typed fields as stored.
 */
public record ParsedSignal(int index, String externalId, SignalType type, UUID clientId, String clientSource,
                           String clientExternalId, Instant observedAt, Instant eventTime, String insightCode,
                           BigDecimal coverage, Integer numerator, Integer denominator, Map<String, Object> values) {
}
