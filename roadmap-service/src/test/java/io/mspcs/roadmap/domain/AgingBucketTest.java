package io.mspcs.roadmap.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** roadmap.md §11 E3: P3 sent 2026-09-01T14:00:00Z, sweeps at 06:00Z. */
class AgingBucketTest {

    private static final Instant SENT = Instant.parse("2026-09-01T14:00:00Z");

    @Test
    void ageCountsWholeDaysSinceSendingAndPicksTheBucket() {
        assertAge("2026-09-16", 14, AgingBucket.DAYS_0_14);
        assertAge("2026-09-17", 15, AgingBucket.DAYS_15_30);
        assertAge("2026-10-02", 30, AgingBucket.DAYS_15_30);
        assertAge("2026-10-03", 31, AgingBucket.OVER_30);
        assertAge("2026-11-01", 60, AgingBucket.OVER_30);
        assertAge("2026-11-02", 61, AgingBucket.OVER_60);
        assertAge("2026-10-05", 33, AgingBucket.OVER_30);
    }

    @Test
    void onlyTheFirstEntryIntoALaterBucketEmits() {
        assertThat(AgingBucket.DAYS_0_14.emitsAfter(null)).isFalse();
        assertThat(AgingBucket.DAYS_15_30.emitsAfter(null)).isTrue();
        assertThat(AgingBucket.DAYS_15_30.emitsAfter(AgingBucket.DAYS_15_30)).isFalse();
        assertThat(AgingBucket.OVER_30.emitsAfter(AgingBucket.DAYS_15_30)).isTrue();
        assertThat(AgingBucket.OVER_30.emitsAfter(null)).as("missed runs: only the current bucket").isTrue();
        assertThat(AgingBucket.OVER_60.emitsAfter(AgingBucket.OVER_30)).isTrue();
    }

    private static void assertAge(String sweepDay, long ageDays, AgingBucket bucket) {
        Instant sweep = Instant.parse(sweepDay + "T06:00:00Z");
        assertThat(AgingBucket.ageDays(SENT, sweep)).as(sweepDay).isEqualTo(ageDays);
        assertThat(AgingBucket.of(ageDays)).as(sweepDay).isEqualTo(bucket);
    }
}
