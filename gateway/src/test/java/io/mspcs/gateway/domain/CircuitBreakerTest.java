package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");

    private final CircuitBreaker breaker = new CircuitBreaker(20, 0.5, Duration.ofSeconds(10));

    private void calls(int successes, int failures) {
        for (int i = 0; i < successes; i++) {
            assertThat(breaker.tryAcquire(T0)).isTrue();
            breaker.onSuccess();
        }
        for (int i = 0; i < failures; i++) {
            assertThat(breaker.tryAcquire(T0)).isTrue();
            breaker.onFailure(T0);
        }
    }

    @Test
    void staysClosedUntilTheWindowOfTwentyIsFull() {
        calls(0, 19);
        assertThat(breaker.state(T0)).isEqualTo(CircuitBreaker.State.CLOSED);
        calls(0, 1);
        assertThat(breaker.state(T0)).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire(T0.plusSeconds(9))).isFalse();
    }

    @Test
    void opensAtHalfOfTheLastTwentyCallsFailingAndNotBelow() {
        calls(11, 9);
        assertThat(breaker.state(T0)).isEqualTo(CircuitBreaker.State.CLOSED);
        calls(0, 1); // the oldest success leaves the window: 10 of 20 failed
        assertThat(breaker.state(T0)).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void afterTenSecondsOneTrialCallDecides() {
        calls(0, 20);
        Instant later = T0.plusSeconds(10);
        assertThat(breaker.state(later)).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire(later)).isTrue();
        assertThat(breaker.tryAcquire(later)).isFalse(); // only one trial at a time
        breaker.onFailure(later);
        assertThat(breaker.tryAcquire(later.plusSeconds(5))).isFalse();
        Instant muchLater = later.plusSeconds(10);
        assertThat(breaker.tryAcquire(muchLater)).isTrue();
        breaker.onSuccess();
        assertThat(breaker.state(muchLater)).isEqualTo(CircuitBreaker.State.CLOSED);
        calls(0, 19); // a fresh window
        assertThat(breaker.state(muchLater)).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
