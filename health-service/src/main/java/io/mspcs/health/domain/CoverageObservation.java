package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A checked coverage item: the ratio (4 dp), the counts it came from if any, and when it was observed (ms). */
public record CoverageObservation(String insightCode, BigDecimal coverage, Integer numerator, Integer denominator,
                                  Instant observedAt, String note) {
}
