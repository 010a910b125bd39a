package io.mspcs.roadmap.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules the tenant roadmap policy parameterises (roadmap.md §2, §3.6, §6.2). */
class PolicyRulesTest {

    private static final Instant CAPTURED = Instant.parse("2026-09-01T14:00:00Z");

    @Test
    void defaultBucketsStartAt15_31And61DaysAsInExampleE3() {
        assertThat(AgingBucket.of(14)).isEqualTo(AgingBucket.DAYS_0_14);
        assertThat(AgingBucket.of(15)).isEqualTo(AgingBucket.DAYS_15_30);
        assertThat(AgingBucket.of(30)).isEqualTo(AgingBucket.DAYS_15_30);
        assertThat(AgingBucket.of(31)).isEqualTo(AgingBucket.OVER_30);
        assertThat(AgingBucket.of(60)).isEqualTo(AgingBucket.OVER_30);
        assertThat(AgingBucket.of(61)).isEqualTo(AgingBucket.OVER_60);
    }

    @Test
    void aTenantsBucketStartsMoveTheBoundaries() {
        List<Integer> starts = List.of(10, 20, 30);
        assertThat(AgingBucket.of(9, starts)).isEqualTo(AgingBucket.DAYS_0_14);
        assertThat(AgingBucket.of(10, starts)).isEqualTo(AgingBucket.DAYS_15_30);
        assertThat(AgingBucket.of(20, starts)).isEqualTo(AgingBucket.OVER_30);
        assertThat(AgingBucket.of(30, starts)).isEqualTo(AgingBucket.OVER_60);
    }

    @Test
    void aCountedPreApprovalGoesStaleAfter30AndLapsesAfter60DaysByDefault() {
        PreApproval counted = PreApproval.captured("Maya Chen (CFO)", "2027-Q1", new BigDecimal("8000.00"),
                new BigDecimal("12000.00"), CAPTURED);

        assertThat(counted.aged(CAPTURED.plusSeconds(29 * 86_400), 30, 60).status())
                .isEqualTo(PreApproval.Status.COUNTED);
        PreApproval stale = counted.aged(CAPTURED.plusSeconds(30 * 86_400), 30, 60);
        assertThat(stale.status()).isEqualTo(PreApproval.Status.STALE);
        assertThat(stale.counts()).isTrue();
        PreApproval lapsed = stale.aged(CAPTURED.plusSeconds(60 * 86_400), 30, 60);
        assertThat(lapsed.status()).isEqualTo(PreApproval.Status.LAPSED);
        assertThat(lapsed.counts()).isFalse();
        assertThat(lapsed.aged(CAPTURED.plusSeconds(90 * 86_400), 30, 60)).isSameAs(lapsed);
    }

    @Test
    void convertedAndIncompletePreApprovalsNeverAge() {
        PreApproval converted = PreApproval.captured("Maya Chen (CFO)", "2027-Q1", new BigDecimal("8000.00"),
                new BigDecimal("12000.00"), CAPTURED).converted();
        PreApproval incomplete = PreApproval.captured(null, "2027-Q1", null, null, CAPTURED);

        assertThat(converted.aged(CAPTURED.plusSeconds(90 * 86_400), 30, 60)).isSameAs(converted);
        assertThat(incomplete.aged(CAPTURED.plusSeconds(90 * 86_400), 30, 60)).isSameAs(incomplete);
    }

    @Test
    void thePlanningWindowEndsInQ4OfTheCurrentFiscalYearPlusThePolicysYears() {
        Quarter current = Quarter.parse("2027-Q1");

        assertThat(PlanningWindow.startingAt(current).to()).isEqualTo(Quarter.parse("2031-Q4"));
        assertThat(PlanningWindow.startingAt(current, 2).to()).isEqualTo(Quarter.parse("2029-Q4"));
        assertThat(PlanningWindow.startingAt(current, 2).contains(Quarter.parse("2030-Q1"))).isFalse();
    }
}
