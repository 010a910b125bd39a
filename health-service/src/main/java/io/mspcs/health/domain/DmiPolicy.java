package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The DMI part of a scoring model (health.md §2.1): method, completeness rule, materiality, hysteresis margin,
 * drop rule, freshness of manual coverage and the ADOPTION bands. Until scoring models are stored, every tenant
 * uses {@link #defaults()}, which is model version 1.
 */
public record DmiPolicy(int modelVersion, DmiMethod method, BigDecimal minWeightPresent, BigDecimal materialDelta,
                        BigDecimal colorMargin, BigDecimal dropPoints, int dropWindowDays,
                        Map<BandProfile, Integer> manualMaxAgeDays, Map<BandProfile, Band> adoptionBands) {

    static final Duration PUSHED_COVERAGE_MAX_AGE = Duration.ofDays(30);

    public DmiPolicy {
        Objects.requireNonNull(method, "method");
        manualMaxAgeDays = Map.copyOf(manualMaxAgeDays);
        adoptionBands = Map.copyOf(adoptionBands);
        for (BandProfile profile : BandProfile.values()) {
            if (!manualMaxAgeDays.containsKey(profile) || !adoptionBands.containsKey(profile)) {
                throw new IllegalArgumentException("policy misses profile " + profile);
            }
        }
    }

    public static DmiPolicy defaults() {
        Map<BandProfile, Band> bands = new EnumMap<>(BandProfile.class);
        bands.put(BandProfile.A, Band.of("90", "80"));
        bands.put(BandProfile.B, Band.of("80", "65"));
        bands.put(BandProfile.C, Band.of("70", "55"));
        bands.put(BandProfile.D, Band.of("65", "50"));
        bands.put(BandProfile.STANDARD, Band.of("80", "50"));
        // A/B refresh quarterly, C/D semi-annually, each plus 30 days of grace (health.md §3.3).
        Map<BandProfile, Integer> maxAge = new EnumMap<>(BandProfile.class);
        maxAge.put(BandProfile.A, 120);
        maxAge.put(BandProfile.B, 120);
        maxAge.put(BandProfile.C, 210);
        maxAge.put(BandProfile.D, 210);
        maxAge.put(BandProfile.STANDARD, 120);
        return new DmiPolicy(1, DmiMethod.WEIGHTED_COVERAGE, new BigDecimal("0.5"), new BigDecimal("0.5"),
                new BigDecimal("2.0"), new BigDecimal("10"), 90, maxAge, bands);
    }

    public Band band(BandProfile profile) {
        return adoptionBands.get(profile);
    }

    public Duration manualMaxAge(BandProfile profile) {
        return Duration.ofDays(manualMaxAgeDays.get(profile));
    }

    /**
     * How long a coverage reading counts (health.md §2.1, §3.3): manual coverage for the profile's refresh period
     * plus grace; coverage pushed by a PSA/RMM for {@code signalMaxAgeDays} of the coverage types (30 days), after
     * which it is EXPIRED and left out, never carried forward.
     */
    public Duration coverageMaxAge(BandProfile profile, CoverageReading reading) {
        return ManualObservations.SOURCE.equals(reading.source()) ? manualMaxAge(profile) : PUSHED_COVERAGE_MAX_AGE;
    }

    public Duration dropWindow() {
        return Duration.ofDays(dropWindowDays);
    }

    /** ADOPTION labels of §3.9. */
    public static String label(Color color) {
        if (color == null) {
            return "Insufficient data";
        }
        return switch (color) {
            case GREEN -> "Stable";
            case YELLOW -> "Partial";
            case RED -> "At Risk";
        };
    }
}
