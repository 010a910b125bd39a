package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Technology Adoption = DMI (health.md §3.3): {@code 100 · Σ(wᵢ·cᵢ) / Σwᵢ} over active insights with a fresh value,
 * rounded HALF_UP to 2 dp; complete when the weight with a value is at least half of the catalogue's weight.
 * A pure function of the catalogue, the coverage, the band profile, the previous colour and the instant.
 */
public final class DmiCalculator {

    static final int TOP_GAPS = 5;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DmiPolicy policy;

    public DmiCalculator(DmiPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param readings      current coverage by insight code (other codes are ignored)
     * @param previousColor the colour of the last snapshot, for hysteresis; null when there is none
     */
    public DmiSheet calculate(DmiCatalog catalog, Map<String, CoverageReading> readings, BandProfile profile,
                              Color previousColor, Instant now) {
        List<Insight> active = catalog.active();
        Map<String, Valued> valuedByCode = new LinkedHashMap<>();
        for (Insight insight : active) {
            CoverageReading reading = readings.get(insight.code());
            if (reading != null && reading.observedAt().isAfter(now.minus(policy.coverageMaxAge(profile, reading)))) {
                valuedByCode.put(insight.code(), new Valued(insight, reading, valueOf(insight, reading.coverage())));
            }
        }
        List<Valued> valued = List.copyOf(valuedByCode.values());
        int valuedWeight = weightOf(valued.stream().map(Valued::insight).toList());
        List<DmiSheet.Line> lines = active.stream()
                .map(insight -> line(insight, readings.get(insight.code()), valuedByCode.get(insight.code()),
                        valuedWeight))
                .toList();

        int applicableWeight = weightOf(active);
        boolean complete = isComplete(valuedWeight, applicableWeight);
        BigDecimal dmi = complete ? score(valued) : null;
        Band band = policy.band(profile);
        Color color = dmi == null ? null : band.colorOf(dmi, previousColor, policy.colorMargin());

        List<Insight> tier1 = active.stream().filter(i -> i.tier() == 1).toList();
        List<Valued> tier1Valued = valued.stream().filter(v -> v.insight().tier() == 1).toList();
        BigDecimal tier1Dmi = isComplete(weightOf(tier1Valued.stream().map(Valued::insight).toList()), weightOf(tier1))
                ? score(tier1Valued) : null;

        Instant dataAsOf = valued.stream().map(v -> v.reading().observedAt()).min(Comparator.naturalOrder()).orElse(null);
        return new DmiSheet(catalog.version(), policy.method(), profile, band, lines,
                ratio(valuedWeight, applicableWeight), complete, dmi, color, categories(valued), tier1Dmi,
                topGaps(lines), dataAsOf);
    }

    private record Valued(Insight insight, CoverageReading reading, BigDecimal value) {
    }

    private BigDecimal valueOf(Insight insight, BigDecimal coverage) {
        if (policy.method() == DmiMethod.TARGET_RELATIVE) {
            return coverage.divide(insight.target(), 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        }
        return coverage;
    }

    /** {@code valued} is null when the reading is missing or expired. */
    private static DmiSheet.Line line(Insight insight, CoverageReading reading, Valued valued, int valuedWeight) {
        if (reading == null) {
            return new DmiSheet.Line(insight.code(), insight.category(), insight.weight(), insight.target(),
                    insight.tier(), null, InsightStatus.MISSING, null, null, null, null);
        }
        if (valued == null) {
            return new DmiSheet.Line(insight.code(), insight.category(), insight.weight(), insight.target(),
                    insight.tier(), reading.coverage(), InsightStatus.EXPIRED, reading.observedAt(), reading.source(),
                    null, null);
        }
        BigDecimal contribution = HUNDRED.multiply(BigDecimal.valueOf(insight.weight())).multiply(valued.value())
                .divide(BigDecimal.valueOf(valuedWeight), 2, RoundingMode.HALF_UP);
        return new DmiSheet.Line(insight.code(), insight.category(), insight.weight(), insight.target(), insight.tier(),
                reading.coverage(), InsightStatus.OK, reading.observedAt(), reading.source(), contribution,
                gap(insight, reading.coverage()));
    }

    /** Weight × shortfall below target on the raw coverage; 0 at or above target. */
    private static BigDecimal gap(Insight insight, BigDecimal coverage) {
        BigDecimal shortfall = insight.target().subtract(coverage);
        return shortfall.signum() <= 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(insight.weight()).multiply(shortfall).setScale(4, RoundingMode.HALF_UP);
    }

    private boolean isComplete(int valuedWeight, int applicableWeight) {
        return applicableWeight > 0 && valuedWeight > 0
                && BigDecimal.valueOf(valuedWeight).compareTo(policy.minWeightPresent()
                .multiply(BigDecimal.valueOf(applicableWeight))) >= 0;
    }

    /** The DMI formula on any subset (whole DMI, a category, tier 1); null when the subset has no value. */
    private static BigDecimal score(List<Valued> subset) {
        int weight = weightOf(subset.stream().map(Valued::insight).toList());
        if (weight == 0) {
            return null;
        }
        BigDecimal weighted = subset.stream()
                .map(v -> BigDecimal.valueOf(v.insight().weight()).multiply(v.value()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return HUNDRED.multiply(weighted).divide(BigDecimal.valueOf(weight), 2, RoundingMode.HALF_UP);
    }

    private static List<DmiSheet.CategoryScore> categories(List<Valued> valued) {
        Map<String, List<Valued>> byCategory = new LinkedHashMap<>();
        valued.forEach(v -> byCategory.computeIfAbsent(v.insight().category(), c -> new ArrayList<>()).add(v));
        return byCategory.entrySet().stream()
                .map(e -> new DmiSheet.CategoryScore(e.getKey(), score(e.getValue())))
                .toList();
    }

    private static List<DmiSheet.Gap> topGaps(List<DmiSheet.Line> lines) {
        return lines.stream()
                .filter(line -> line.counts() && line.coverage().compareTo(line.target()) < 0)
                .sorted(Comparator.comparing(DmiSheet.Line::gap).reversed().thenComparing(DmiSheet.Line::code))
                .limit(TOP_GAPS)
                .map(line -> new DmiSheet.Gap(line.code(), line.category(), line.coverage(), line.target(),
                        line.weight(), line.gap()))
                .toList();
    }

    private static int weightOf(List<Insight> insights) {
        return insights.stream().mapToInt(Insight::weight).sum();
    }

    private static BigDecimal ratio(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
