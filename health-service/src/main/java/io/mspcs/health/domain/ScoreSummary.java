package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a stored score record says, as far as change detection needs it: scores and colours per dimension name and
 * COMPOSITE, completeness, the versions and segment used, and the last non-null colours (for hysteresis and colour
 * events, which compare against the last non-null colour, not against null).
 */
public record ScoreSummary(int modelVersion, int catalogVersion, String segmentUsed, Map<String, BigDecimal> scores,
                           Map<String, Color> colors, Map<String, Boolean> complete, Map<String, Color> lastColors,
                           Map<String, BigDecimal> lastScores) {
}
