package io.mspcs.gateway.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again (gateway.md §6): after 1 min, 5 min, 30 min, 2 h, 6 h, 12 h and 24 h — eight
 * attempts in all — with ±20 % jitter; a longer {@code Retry-After} from the receiver wins.
 */
public final class WebhookRetrySchedule {

    public static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));
    public static final int MAX_ATTEMPTS = DELAYS.size() + 1;

    private WebhookRetrySchedule() {
    }

    /**
     * The wait before attempt {@code failedAttempt + 1}; empty when the delivery is given up.
     * @param jitter a number in [-1, 1], scaled to ±20 %
     */
    public static Optional<Duration> next(int failedAttempt, double jitter, Optional<Duration> retryAfter) {
        if (failedAttempt < 1 || failedAttempt >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration base = DELAYS.get(failedAttempt - 1);
        Duration jittered = Duration.ofMillis(Math.round(base.toMillis() * (1 + 0.2 * Math.max(-1, Math.min(1, jitter)))));
        return Optional.of(retryAfter.filter(r -> r.compareTo(jittered) > 0).orElse(jittered));
    }
}
