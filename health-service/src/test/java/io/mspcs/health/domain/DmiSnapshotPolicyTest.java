package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.mspcs.health.domain.WorkedExamples.catalogV3;
import static io.mspcs.health.domain.WorkedExamples.e1Coverage;
import static io.mspcs.health.domain.WorkedExamples.put;
import static org.assertj.core.api.Assertions.assertThat;

class DmiSnapshotPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-20T14:00:00Z");
    private static final Instant OBSERVED = NOW.minus(Duration.ofDays(2));
    private final DmiSnapshotPolicy policy = new DmiSnapshotPolicy(DmiPolicy.defaults());
    private final DmiCalculator calculator = new DmiCalculator(DmiPolicy.defaults());

    /** E1 (76.56 GREEN for C) with MFA at {@code mfa}. */
    private DmiSheet sheet(String mfa, Color previousColor) {
        Map<String, CoverageReading> readings = e1Coverage(OBSERVED);
        put(readings, "MFA", mfa, OBSERVED);
        return calculator.calculate(catalogV3(), readings, BandProfile.C, previousColor, NOW);
    }

    private static SnapshotPoint last(String dmi, Color color) {
        return new SnapshotPoint(UUID.randomUUID(), 1, NOW.minus(Duration.ofDays(1)), new BigDecimal(dmi), color, 3, false);
    }

    private Optional<DmiSnapshotPolicy.Plan> plan(DmiSheet sheet, boolean wasComplete, SnapshotPoint last) {
        return policy.interim(sheet, wasComplete, last, last == null ? List.of() : List.of(last), NOW);
    }

    @Test
    void takesTheFirstSnapshotWithoutAPreviousDmi() {
        Optional<DmiSnapshotPolicy.Plan> plan = plan(sheet("0.72", null), false, null);

        assertThat(plan).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(SnapshotKind.INTERIM);
            assertThat(p.previousDmi()).isNull();
            assertThat(p.delta()).isNull();
            assertThat(p.dropped()).isFalse();
        });
    }

    @Test
    void takesNothingWhenTheDmiMovedLessThanHalfAPointAndKeptItsColour() {
        // MFA .74 instead of .72 → 77.11, 0.55 above 76.56; MFA .73 → 76.83, 0.27 above.
        assertThat(plan(sheet("0.73", Color.GREEN), true, last("76.56", Color.GREEN))).isEmpty();
        assertThat(plan(sheet("0.74", Color.GREEN), true, last("76.56", Color.GREEN)))
                .hasValueSatisfying(p -> {
                    assertThat(p.previousDmi()).isEqualByComparingTo("76.56");
                    assertThat(p.delta()).isEqualByComparingTo("0.55");
                });
    }

    @Test
    void takesASnapshotWhenOnlyTheColourChanged() {
        DmiSheet sheet = sheet("0.72", Color.GREEN);

        assertThat(plan(sheet, true, last("76.56", Color.YELLOW))).isPresent();
    }

    @Test
    void takesASnapshotWhenTheDmiHasJustBecomeComplete() {
        assertThat(plan(sheet("0.72", Color.GREEN), false, last("76.56", Color.GREEN))).isPresent();
    }

    @Test
    void takesASnapshotForADropEvenWhenTheLastSnapshotIsClose() {
        SnapshotPoint high = new SnapshotPoint(UUID.randomUUID(), 1, NOW.minus(Duration.ofDays(10)), new BigDecimal("86.70"),
                Color.GREEN, 3, false);
        SnapshotPoint close = new SnapshotPoint(UUID.randomUUID(), 2, NOW.minus(Duration.ofDays(1)), new BigDecimal("76.60"),
                Color.GREEN, 3, false);

        Optional<DmiSnapshotPolicy.Plan> plan = policy.interim(sheet("0.72", Color.GREEN), true, close,
                List.of(high, close), NOW);

        assertThat(plan).hasValueSatisfying(p -> {
            assertThat(p.dropped()).isTrue();
            assertThat(p.drop().reference()).isEqualTo(high);
            assertThat(p.previousDmi()).as("previousDmi stays the last snapshot").isEqualByComparingTo("76.60");
        });
    }

    @Test
    void takesASnapshotWhenTheCatalogueVersionChanged() {
        SnapshotPoint onVersion2 = new SnapshotPoint(UUID.randomUUID(), 1, NOW.minus(Duration.ofDays(1)),
                new BigDecimal("76.56"), Color.GREEN, 2, false);

        assertThat(policy.interim(sheet("0.72", Color.GREEN), true, onVersion2, List.of(onVersion2), NOW)).isPresent();
    }

    @Test
    void takesNothingWhileTheDmiIsIncomplete() {
        Map<String, CoverageReading> readings = Map.of("MFA", new CoverageReading("MFA", new BigDecimal("0.10"), OBSERVED, "manual"));
        DmiSheet incomplete = calculator.calculate(catalogV3(), readings, BandProfile.C, null, NOW);

        assertThat(plan(incomplete, true, last("76.56", Color.GREEN))).isEmpty();
    }
}
