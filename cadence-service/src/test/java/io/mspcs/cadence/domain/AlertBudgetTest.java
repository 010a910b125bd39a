package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class AlertBudgetTest {

    private static final LocalTime DIGEST_TIME = LocalTime.of(7, 30);

    @Test
    void e9AnEleventhHighOpeningWaitsForTheDigestButACriticalOneNotifiesAtOnce() {
        assertThat(AlertBudget.opened(Priority.HIGH, 9, 10)).isEqualTo(Notification.IMMEDIATE);
        assertThat(AlertBudget.opened(Priority.HIGH, 10, 10)).isEqualTo(Notification.DIGEST);
        assertThat(AlertBudget.opened(Priority.CRITICAL, 10, 10)).isEqualTo(Notification.IMMEDIATE);
        assertThat(AlertBudget.opened(Priority.MEDIUM, 0, 10)).isEqualTo(Notification.DIGEST);
    }

    @Test
    void e9TheDigestOfThe26thIsDueAt0730OnTheNextWorkingDay() {
        assertThat(AlertBudget.nextDigest(Instant.parse("2026-11-26T18:00:00Z"), DIGEST_TIME, WorkingCalendar.DEFAULT))
                .isEqualTo(Instant.parse("2026-11-27T07:30:00Z"));
        // Friday after the digest: the next one is Monday's.
        assertThat(AlertBudget.nextDigest(Instant.parse("2026-11-27T07:30:00Z"), DIGEST_TIME, WorkingCalendar.DEFAULT))
                .isEqualTo(Instant.parse("2026-11-30T07:30:00Z"));
    }
}
