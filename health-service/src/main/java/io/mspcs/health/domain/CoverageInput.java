package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One manual coverage item as received: either {@code coverage} or {@code numerator} + {@code denominator}. */
public record CoverageInput(String insightCode, BigDecimal coverage, BigDecimal numerator, BigDecimal denominator,
                            Instant observedAt, String note) {
}
