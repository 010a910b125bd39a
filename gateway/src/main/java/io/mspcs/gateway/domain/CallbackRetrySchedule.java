package io.mspcs.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a callback that could not be forwarded is tried again (gateway.md §9.2: retried for 24 h after receipt):
 * 1 min after the first failure, doubling, at most 1 h apart; the last try falls exactly on the deadline.
 */
public final class CallbackRetrySchedule {

    public static final Duration RETRY_FOR = Duration.ofHours(24);
    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(1);

    private CallbackRetrySchedule() {
    }

    /** The next try after {@code failedAttempts} failures, or empty when the 24 h are over (give up). */
    public static Optional<Instant> next(int failedAttempts, Instant receivedAt, Instant now) {
        Instant deadline = receivedAt.plus(RETRY_FOR);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 6);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        if (wait.compareTo(LONGEST) > 0) {
            wait = LONGEST;
        }
        Instant next = now.plus(wait);
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
