package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");

    @Test
    void anApiKeyGets120AtOnceThenTenPerSecond() {
        TokenBucket bucket = new TokenBucket(120, 10, Duration.ofSeconds(1), T0);
        for (int i = 0; i < 120; i++) {
            assertThat(bucket.tryTake(T0).allowed()).isTrue();
        }
        TokenBucket.Outcome refused = bucket.tryTake(T0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isEqualTo(12);
        assertThat(bucket.tryTake(T0.plusMillis(100)).allowed()).isTrue();
        assertThat(bucket.tryTake(T0.plusMillis(100)).allowed()).isFalse();
    }

    @Test
    void theBulkBucketRefillsThirtyPerMinute() {
        TokenBucket bucket = new TokenBucket(10, 30, Duration.ofMinutes(1), T0);
        for (int i = 0; i < 10; i++) {
            bucket.tryTake(T0);
        }
        assertThat(bucket.tryTake(T0).retryAfterSeconds()).isEqualTo(2);
        assertThat(bucket.tryTake(T0.plusSeconds(2)).allowed()).isTrue();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(60, 5, Duration.ofSeconds(1), T0);
        TokenBucket.Outcome later = bucket.tryTake(T0.plus(Duration.ofHours(1)));
        assertThat(later.limit()).isEqualTo(60);
        assertThat(later.remaining()).isEqualTo(59);
    }
}
