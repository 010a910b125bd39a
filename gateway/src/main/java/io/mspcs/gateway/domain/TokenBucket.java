package io.mspcs.gateway.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket (gateway.md §7): {@code capacity} tokens, refilled continuously at {@code refillTokens} per
 * {@code refillPeriod}. Not thread-safe on its own; callers synchronise on the bucket.
 */
public final class TokenBucket {

    private final long capacity;
    private final double tokensPerNano;
    private double tokens;
    private Instant updatedAt;

    public TokenBucket(long capacity, long refillTokens, Duration refillPeriod, Instant now) {
        this.capacity = capacity;
        this.tokensPerNano = (double) refillTokens / refillPeriod.toNanos();
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** What one attempt to take a token answered; {@code retryAfterSeconds} ≥ 1 when refused. */
    public record Outcome(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    public synchronized Outcome tryTake(Instant now) {
        refill(now);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long remaining = (long) Math.floor(tokens);
        long untilFull = secondsFor(capacity - tokens);
        long untilOne = allowed ? 0 : Math.max(1, secondsFor(1 - tokens));
        return new Outcome(allowed, capacity, remaining, untilFull, untilOne);
    }

    private void refill(Instant now) {
        if (now.isAfter(updatedAt)) {
            long nanos = Duration.between(updatedAt, now).toNanos();
            tokens = Math.min(capacity, tokens + nanos * tokensPerNano);
            updatedAt = now;
        }
    }

    private long secondsFor(double missingTokens) {
        return (long) Math.ceil(missingTokens / tokensPerNano / 1_000_000_000d);
    }
}
