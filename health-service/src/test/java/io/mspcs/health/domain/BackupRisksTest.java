package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** health.md §3.10 backup risks and the backup rows of E4. */
class BackupRisksTest {

    private static final Instant STEP2 = Instant.parse("2026-11-21T06:00:00Z");
    private static final Instant STEP4 = Instant.parse("2026-12-05T15:00:00Z");

    private final BackupRisks risks = new BackupRisks(BackupRisks.Policy.defaults(), UUID::randomUUID);

    private static BackupRisks.Result result(String rate, Instant observedAt) {
        return new BackupRisks.Result("s", "datto", observedAt, new BigDecimal(rate), 30, 60, 4, false, null, false, null);
    }

    @Test
    void e4SuccessRate60PercentOpensSuccessRateLowWithThreshold95() {
        List<BackupRisks.Change> changes = risks.evaluate(result("0.60", STEP2), Map.of(), STEP2);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.detected()).isTrue();
            assertThat(c.kind()).isEqualTo(BackupRisks.Kind.SUCCESS_RATE_LOW);
            assertThat(c.threshold()).isEqualByComparingTo("0.95");
        });
    }

    @Test
    void anOpenRiskStaysOpenInsideTheClearMarginAndClearsAt97Percent() {
        UUID riskId = UUID.randomUUID();
        Map<BackupRisks.Kind, BackupRisks.Open> open = Map.of(BackupRisks.Kind.SUCCESS_RATE_LOW,
                new BackupRisks.Open(riskId, BackupRisks.Kind.SUCCESS_RATE_LOW, STEP2));

        assertThat(risks.evaluate(result("0.96", STEP2), open, STEP2)).isEmpty();
        assertThat(risks.evaluate(result("0.60", STEP2), open, STEP2)).as("already open: no second event").isEmpty();
        assertThat(risks.evaluate(result("0.98", STEP4), open, STEP4)).singleElement().satisfies(c -> {
            assertThat(c.detected()).isFalse();
            assertThat(c.riskId()).isEqualTo(riskId);
        });
    }

    @Test
    void aResultOlderThanSevenDaysOpensAndClearsNothing() {
        assertThat(risks.evaluate(result("0.50", STEP2), Map.of(), STEP2.plus(java.time.Duration.ofDays(8)))).isEmpty();
    }

    @Test
    void noSuccessFor72HoursAndANeverTestedRestoreOpenTheirRisksButAbsentFieldsAreNotEvaluated() {
        BackupRisks.Result stale = new BackupRisks.Result("s", "datto", STEP2, new BigDecimal("0.99"), 30, 0, 0,
                true, STEP2.minus(java.time.Duration.ofHours(73)), true, null);

        assertThat(risks.evaluate(stale, Map.of(), STEP2)).extracting(BackupRisks.Change::kind)
                .containsExactly(BackupRisks.Kind.NO_RECENT_SUCCESS, BackupRisks.Kind.RESTORE_TEST_OVERDUE);
        assertThat(risks.evaluate(result("0.99", STEP2), Map.of(), STEP2)).isEmpty();
    }

    @Test
    void aRecentSuccessAndARestoreTestWithin90DaysClearThoseRisks() {
        BackupRisks.Result fine = new BackupRisks.Result("s", "datto", STEP4, new BigDecimal("0.99"), 30, 0, 0,
                true, STEP4.minus(java.time.Duration.ofHours(2)), true, STEP4.minus(java.time.Duration.ofDays(10)));
        Map<BackupRisks.Kind, BackupRisks.Open> open = Map.of(
                BackupRisks.Kind.NO_RECENT_SUCCESS, new BackupRisks.Open(UUID.randomUUID(), BackupRisks.Kind.NO_RECENT_SUCCESS, STEP2),
                BackupRisks.Kind.RESTORE_TEST_OVERDUE, new BackupRisks.Open(UUID.randomUUID(), BackupRisks.Kind.RESTORE_TEST_OVERDUE, STEP2));

        assertThat(risks.evaluate(fine, open, STEP4)).extracting(BackupRisks.Change::detected).containsExactly(false, false);
    }
}
