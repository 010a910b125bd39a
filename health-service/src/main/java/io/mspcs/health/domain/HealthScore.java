package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A computed score (not yet a record): five dimensions and the composite over the complete ones. {@code
 * composite}/{@code compositeColor} are null unless at least the model's minimum of dimensions is complete.
 */
public record HealthScore(List<DimensionScore> dimensions, BigDecimal composite, Color compositeColor,
                          boolean compositeComplete, int completeDimensions, String segmentUsed, Instant dataAsOf) {

    public HealthScore {
        dimensions = List.copyOf(dimensions);
    }

    public DimensionScore dimension(Dimension dimension) {
        return dimensions.stream().filter(d -> d.dimension() == dimension).findFirst().orElseThrow();
    }
}
