package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The current coverage of one insight for a client: a ratio 0–1 (4 dp), when it was observed, where it came from. */
public record CoverageReading(String insightCode, BigDecimal coverage, Instant observedAt, String source) {

    public CoverageReading {
        Objects.requireNonNull(insightCode, "insightCode");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
