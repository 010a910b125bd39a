package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DmiDropRuleTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private final DmiDropRule rule = new DmiDropRule(DmiPolicy.defaults());
    private final List<SnapshotPoint> history = new ArrayList<>();

    private SnapshotPoint snapshot(String dmi, Color color, Instant at, boolean dropped) {
        SnapshotPoint point = new SnapshotPoint(UUID.randomUUID(), history.size() + 1, at, new BigDecimal(dmi), color, 3,
                dropped);
        history.add(point);
        return point;
    }

    private DmiDropRule.Verdict evaluate(String dmi, Instant now) {
        return rule.evaluate(new BigDecimal(dmi), List.copyOf(history), now);
    }

    @Test
    void workedExampleE4DropsOnlyWhenTheFallFromTheReferenceReachesTenPoints() {
        SnapshotPoint cycle = snapshot("76.56", Color.GREEN, NOV_1, false);
        Instant step1 = Instant.parse("2026-11-20T14:03:00Z");

        DmiDropRule.Verdict first = evaluate("71.83", step1);
        assertThat(first.dropped()).isFalse();
        assertThat(first.reference()).isEqualTo(cycle);
        snapshot("71.83", Color.GREEN, step1, false);

        DmiDropRule.Verdict second = evaluate("63.61", Instant.parse("2026-11-21T06:00:00Z"));
        assertThat(second.dropped()).isTrue();
        assertThat(second.reference()).isEqualTo(cycle);
        assertThat(second.fall()).isEqualByComparingTo("12.95");
        assertThat(second.reference().color()).as("previousColor of DmiDropped").isEqualTo(Color.GREEN);
    }

    @Test
    void dropsAtExactlyTheThreshold() {
        snapshot("93.90", Color.GREEN, NOV_1, false);

        assertThat(evaluate("83.90", NOV_1.plus(Duration.ofDays(1))).dropped()).isTrue();
        assertThat(evaluate("83.91", NOV_1.plus(Duration.ofDays(1))).dropped()).isFalse();
    }

    @Test
    void afterADropCountsOnlyFromTheLatestDroppedSnapshot() {
        snapshot("76.56", Color.GREEN, NOV_1, false);
        snapshot("63.61", Color.YELLOW, NOV_1.plus(Duration.ofDays(20)), true);

        DmiDropRule.Verdict verdict = evaluate("60.00", NOV_1.plus(Duration.ofDays(27)));

        assertThat(verdict.reference().dmi()).isEqualByComparingTo("63.61");
        assertThat(verdict.dropped()).as("76.56 no longer counts").isFalse();
    }

    @Test
    void aFurtherTenPointFallDropsAgain() {
        snapshot("76.56", Color.GREEN, NOV_1, false);
        snapshot("63.61", Color.YELLOW, NOV_1.plus(Duration.ofDays(20)), true);

        DmiDropRule.Verdict verdict = evaluate("53.61", NOV_1.plus(Duration.ofDays(27)));

        assertThat(verdict.dropped()).isTrue();
        assertThat(verdict.reference().dmi()).isEqualByComparingTo("63.61");
        assertThat(verdict.fall()).isEqualByComparingTo("10.00");
    }

    @Test
    void aRecoveryAfterADropBecomesTheNewReference() {
        snapshot("76.56", Color.GREEN, NOV_1, false);
        snapshot("63.61", Color.YELLOW, NOV_1.plus(Duration.ofDays(20)), true);
        snapshot("74.28", Color.GREEN, NOV_1.plus(Duration.ofDays(34)), false);

        DmiDropRule.Verdict verdict = evaluate("64.00", NOV_1.plus(Duration.ofDays(40)));

        assertThat(verdict.dropped()).isTrue();
        assertThat(verdict.reference().dmi()).isEqualByComparingTo("74.28");
    }

    @Test
    void onlySnapshotsOfTheLastNinetyDaysCount() {
        Instant now = NOV_1.plus(Duration.ofDays(100));
        snapshot("95.00", Color.GREEN, now.minus(Duration.ofDays(90)), false);
        snapshot("80.00", Color.GREEN, now.minus(Duration.ofDays(89)), false);

        DmiDropRule.Verdict verdict = evaluate("71.00", now);

        assertThat(verdict.reference().dmi()).as("a snapshot exactly 90 days old has left the window")
                .isEqualByComparingTo("80.00");
        assertThat(verdict.dropped()).isFalse();
    }

    @Test
    void aDropOlderThanTheWindowNoLongerLimitsTheReference() {
        Instant now = NOV_1.plus(Duration.ofDays(200));
        snapshot("50.00", Color.RED, now.minus(Duration.ofDays(120)), true);
        snapshot("85.00", Color.GREEN, now.minus(Duration.ofDays(60)), false);
        snapshot("80.00", Color.GREEN, now.minus(Duration.ofDays(30)), false);

        DmiDropRule.Verdict verdict = evaluate("74.00", now);

        assertThat(verdict.reference().dmi()).isEqualByComparingTo("85.00");
        assertThat(verdict.dropped()).isTrue();
    }

    @Test
    void withoutEarlierSnapshotsNothingDrops() {
        DmiDropRule.Verdict verdict = evaluate("10.00", NOV_1);

        assertThat(verdict.dropped()).isFalse();
        assertThat(verdict.reference()).isNull();
    }

    @Test
    void aTieOnTheHighestDmiTakesTheLaterSnapshotsColour() {
        snapshot("80.00", Color.YELLOW, NOV_1, false);
        SnapshotPoint later = snapshot("80.00", Color.GREEN, NOV_1.plus(Duration.ofDays(1)), false);

        assertThat(evaluate("69.00", NOV_1.plus(Duration.ofDays(2))).reference()).isEqualTo(later);
    }
}
