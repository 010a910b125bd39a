package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A client's DMI at one instant (health.md §2.4), derived from the catalogue and the current coverage.
 * {@code dmi}, {@code color} and {@code tier1Dmi} are null when too little weight has a value: missing data is
 * never read as 0.
 */
public record DmiSheet(int catalogVersion, DmiMethod method, BandProfile profile, Band band, List<Line> insights,
                       BigDecimal completeness, boolean complete, BigDecimal dmi, Color color,
                       List<CategoryScore> categories, BigDecimal tier1Dmi, List<Gap> topGaps, Instant dataAsOf) {

    public DmiSheet {
        insights = List.copyOf(insights);
        categories = List.copyOf(categories);
        topGaps = List.copyOf(topGaps);
    }

    /**
     * One insight's line. {@code coverage}/{@code observedAt} are shown for EXPIRED values too, but only OK lines
     * have a {@code contribution} (points of the DMI) and a {@code gap} (weight × shortfall below target).
     */
    public record Line(String code, String category, int weight, BigDecimal target, int tier, BigDecimal coverage,
                       InsightStatus status, Instant observedAt, String source, BigDecimal contribution, BigDecimal gap) {

        public boolean counts() {
            return status == InsightStatus.OK;
        }
    }

    public record CategoryScore(String category, BigDecimal score) {
    }

    /** An insight below target, ranked by {@code gap} = weight × (target − coverage). */
    public record Gap(String insightCode, String category, BigDecimal coverage, BigDecimal target, int weight,
                      BigDecimal gap) {
    }

    /** The lines that count in the DMI (fresh values). */
    public List<Line> measured() {
        return insights.stream().filter(Line::counts).toList();
    }
}
