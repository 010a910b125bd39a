package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scoring part of a model version's content (health.md §2.1): materiality, hysteresis margin, the NA policy,
 * the band table, composite weights (optionally per segment) and each dimension's input weights. Windows and max
 * ages are the spec's defaults (§3.4–3.7). Plain data, so it is stored as the model's JSON content as is.
 */
public record HealthModel(String timeZone, BigDecimal materialDelta, BigDecimal colorMargin, Na na,
                          Map<String, Map<BandProfile, Band>> bands, Composite composite, Weighted cx,
                          Weighted engagement, Weighted quality, Weighted alignment) {

    public static final String COMPOSITE = "COMPOSITE";

    public record Na(BigDecimal minWeightPresent, int minDimensions) {
    }

    public record Composite(Map<Dimension, BigDecimal> weights, Map<String, Map<Dimension, BigDecimal>> weightsBySegment) {
    }

    public record Weighted(Map<String, BigDecimal> weights) {

        public BigDecimal weight(String key) {
            BigDecimal weight = weights.get(key);
            return weight == null ? BigDecimal.ZERO : weight;
        }
    }

    public static HealthModel defaults() {
        Map<String, Map<BandProfile, Band>> bands = new LinkedHashMap<>();
        bands.put(Dimension.ADOPTION.name(), bands("90/80", "80/65", "70/55", "65/50", "80/50"));
        bands.put(Dimension.ENGAGEMENT.name(), bands("80/70", "75/60", "70/55", "65/50", "80/50"));
        bands.put(COMPOSITE, bands("80/70", "75/60", "70/55", "65/50", "80/50"));
        bands.put(Dimension.SERVICE_QUALITY.name(), bands("85/75", "80/70", "75/60", "70/55", "80/50"));
        bands.put(Dimension.ALIGNMENT.name(), bands("85/75", "80/70", "75/60", "70/55", "80/50"));
        Map<Dimension, BigDecimal> composite = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            composite.put(dimension, new BigDecimal("0.20"));
        }
        return new HealthModel("UTC", new BigDecimal("0.5"), new BigDecimal("2.0"),
                new Na(new BigDecimal("0.5"), 3), bands, new Composite(composite, Map.of()),
                weighted("pulse", "0.50", "sponsor", "0.25", "complaints", "0.25"),
                weighted("cadenceAdherence", "0.30", "stakeholderMix", "0.30", "decisionVelocity", "0.25",
                        "followUpClosure", "0.15"),
                weighted("slaAttainment", "0.30", "milestonesOnTime", "0.25", "reopenRate", "0.25",
                        "followThrough", "0.20"),
                weighted("presence", "0.40", "perception", "0.30", "performance", "0.30"));
    }

    /** The band of a dimension (or COMPOSITE) for a profile; CX has none (coloured by rules). */
    public Band band(String dimension, BandProfile profile) {
        Map<BandProfile, Band> byProfile = bands.get(dimension);
        return byProfile == null ? null : byProfile.get(profile);
    }

    /** Composite weights: the segment's own set when the model has one, else the common weights. */
    public Map<Dimension, BigDecimal> compositeWeights(String segmentUsed) {
        Map<String, Map<Dimension, BigDecimal>> bySegment = composite.weightsBySegment();
        if (segmentUsed != null && bySegment != null && bySegment.containsKey(segmentUsed)) {
            return bySegment.get(segmentUsed);
        }
        return composite.weights();
    }

    private static Map<BandProfile, Band> bands(String a, String b, String c, String d, String standard) {
        Map<BandProfile, Band> map = new EnumMap<>(BandProfile.class);
        map.put(BandProfile.A, band(a));
        map.put(BandProfile.B, band(b));
        map.put(BandProfile.C, band(c));
        map.put(BandProfile.D, band(d));
        map.put(BandProfile.STANDARD, band(standard));
        return map;
    }

    private static Band band(String pair) {
        String[] parts = pair.split("/");
        return Band.of(parts[0], parts[1]);
    }

    private static Weighted weighted(String... keyValues) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], new BigDecimal(keyValues[i + 1]));
        }
        return new Weighted(map);
    }
}
