package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.health.domain.WorkedExamples.catalogV3;
import static org.assertj.core.api.Assertions.assertThat;

/** health.md §7 E5: CYCLE snapshots of a segment D client, flat cycles and DmiStalled. */
class DmiStallTest {

    private final DmiSnapshotPolicy policy = new DmiSnapshotPolicy(DmiPolicy.defaults());
    private final DmiCalculator calculator = new DmiCalculator(DmiPolicy.defaults());
    private final DmiStallRule stall = DmiStallRule.defaults();

    /** Every insight of catalogue v3 at {@code dmi}/100, so the DMI is exactly {@code dmi}. */
    private DmiSheet sheetAt(String dmi, Instant now, Color previousColor) {
        BigDecimal coverage = new BigDecimal(dmi).movePointLeft(2);
        Map<String, CoverageReading> readings = new HashMap<>();
        catalogV3().active().forEach(i -> readings.put(i.code(), new CoverageReading(i.code(), coverage, now, "manual")));
        return calculator.calculate(catalogV3(), readings, BandProfile.D, previousColor, now);
    }

    /** Runs the cycle closes of 2026-01-01 … for the given DMIs; returns each CYCLE plan. */
    private List<DmiSnapshotPolicy.Plan> cycles(String... dmis) {
        List<DmiSnapshotPolicy.Plan> plans = new ArrayList<>();
        List<SnapshotPoint> points = new ArrayList<>();
        DmiSnapshotPolicy.PreviousCycle previous = null;
        Color color = null;
        for (int i = 0; i < dmis.length; i++) {
            LocalDate today = LocalDate.of(2026, i + 1, 1);
            Instant now = today.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            DmiSheet sheet = sheetAt(dmis[i], now, color);
            SnapshotPoint last = points.isEmpty() ? null : points.get(points.size() - 1);
            DmiSnapshotPolicy.Plan plan = policy.cycle(sheet, YearMonth.from(today).minusMonths(1), today, last,
                    previous, points, stall, now).orElseThrow();
            plans.add(plan);
            points.add(new SnapshotPoint(UUID.randomUUID(), i + 1, now, sheet.dmi(), sheet.color(), 3, plan.dropped()));
            previous = new DmiSnapshotPolicy.PreviousCycle(plan.cycle().period(), sheet.dmi(), plan.cycle().flatCycles(),
                    plan.cycle().since());
            color = sheet.color();
        }
        return plans;
    }

    @Test
    void e5TwoFlatCyclesBelowGreenStallSinceTheFirstCycleOfTheRun() {
        List<DmiSnapshotPolicy.Plan> plans = cycles("58.40", "59.90", "58.20", "59.00", "61.50");

        assertThat(plans).extracting(p -> p.cycle().flatCycles()).containsExactly(0, 1, 2, 3, 0);
        assertThat(plans).extracting(DmiSnapshotPolicy.Plan::stalled).containsExactly(false, false, true, true, false);
        assertThat(plans.get(1).delta()).isEqualByComparingTo("1.50");
        assertThat(plans.get(4).delta()).isEqualByComparingTo("2.50");
        assertThat(plans.get(2).cycle().since()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(plans.get(3).cycle().since()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(plans.get(2).cycle().period()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(plans).allMatch(p -> p.kind() == SnapshotKind.CYCLE);
    }

    @Test
    void e5TheSameRunAtGreenNeverStalls() {
        List<DmiSnapshotPolicy.Plan> plans = cycles("92.00", "92.50", "91.80", "92.10");

        assertThat(plans).extracting(p -> p.cycle().flatCycles()).containsExactly(0, 1, 2, 3);
        assertThat(plans).noneMatch(DmiSnapshotPolicy.Plan::stalled);
    }

    @Test
    void aCycleIsTakenEvenWhenTheDmiDidNotMoveButNotWithoutADmi() {
        List<DmiSnapshotPolicy.Plan> plans = cycles("58.40", "58.40");
        assertThat(plans.get(1).delta()).isEqualByComparingTo("0");

        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        DmiSheet empty = calculator.calculate(catalogV3(), Map.of(), BandProfile.D, null, now);
        assertThat(policy.cycle(empty, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), null, null, List.of(), stall, now))
                .isEmpty();
    }

    @Test
    void aMonthWithoutACycleSnapshotBreaksTheFlatRun() {
        Instant now = Instant.parse("2026-04-01T00:00:00Z");
        DmiSheet sheet = sheetAt("58.40", now, Color.YELLOW);
        var previous = new DmiSnapshotPolicy.PreviousCycle(YearMonth.of(2026, 1), new BigDecimal("58.40"), 3,
                LocalDate.of(2025, 11, 1));

        var plan = policy.cycle(sheet, YearMonth.of(2026, 3), LocalDate.of(2026, 4, 1), null, previous, List.of(), stall, now)
                .orElseThrow();

        assertThat(plan.cycle().flatCycles()).isZero();
        assertThat(plan.stalled()).isFalse();
        assertThat(plan.cycle().since()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aDeltaOfExactlyTheToleranceIsNotFlat() {
        assertThat(stall.flat(new BigDecimal("60.00"), new BigDecimal("58.00"))).isFalse();
        assertThat(stall.flat(new BigDecimal("59.99"), new BigDecimal("58.00"))).isTrue();
    }
}
