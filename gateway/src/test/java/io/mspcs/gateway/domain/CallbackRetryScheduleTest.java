package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackRetryScheduleTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T14:00:00Z");

    @Test
    void waitsOneMinuteThenDoublesUpToAnHour() {
        assertThat(CallbackRetrySchedule.next(1, RECEIVED, RECEIVED)).contains(RECEIVED.plusSeconds(60));
        Instant later = RECEIVED.plus(Duration.ofMinutes(10));
        assertThat(CallbackRetrySchedule.next(2, RECEIVED, later)).contains(later.plus(Duration.ofMinutes(2)));
        assertThat(CallbackRetrySchedule.next(6, RECEIVED, later)).contains(later.plus(Duration.ofMinutes(32)));
        assertThat(CallbackRetrySchedule.next(7, RECEIVED, later)).contains(later.plus(Duration.ofHours(1)));
        assertThat(CallbackRetrySchedule.next(40, RECEIVED, later)).contains(later.plus(Duration.ofHours(1)));
    }

    @Test
    void theLastTryFallsOnTheDeadlineAndThenItGivesUp() {
        Instant nearEnd = RECEIVED.plus(Duration.ofHours(23).plusMinutes(30));
        assertThat(CallbackRetrySchedule.next(20, RECEIVED, nearEnd)).contains(RECEIVED.plus(Duration.ofHours(24)));
        assertThat(CallbackRetrySchedule.next(21, RECEIVED, RECEIVED.plus(Duration.ofHours(24)))).isEmpty();
        assertThat(CallbackRetrySchedule.next(1, RECEIVED, RECEIVED.plus(Duration.ofHours(25)))).isEmpty();
    }
}
