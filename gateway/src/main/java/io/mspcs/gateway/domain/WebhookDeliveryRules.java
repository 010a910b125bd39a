package io.mspcs.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What one delivery attempt's answer means (gateway.md §6): 2xx delivers; {@code 410 Gone} disables the subscription
 * at once; anything else is retried on {@link WebhookRetrySchedule}. A subscription that has had nothing but failures
 * for three days is disabled ({@code DISABLED_FAILING}).
 */
public final class WebhookDeliveryRules {

    public static final Duration FAILING_LIMIT = Duration.ofDays(3);
    public static final int RESPONSE_EXCERPT_CHARS = 1024;

    private WebhookDeliveryRules() {
    }

    public static boolean delivered(Integer httpStatus) {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    public static boolean gone(Integer httpStatus) {
        return httpStatus != null && httpStatus == 410;
    }

    /** True when the subscription has failed without a single success since {@code failingSince} for 3 days. */
    public static boolean failingTooLong(Instant failingSince, Instant now) {
        return failingSince != null && !failingSince.plus(FAILING_LIMIT).isAfter(now);
    }

    /** {@code Retry-After} as seconds or an HTTP date; empty when absent, unreadable or in the past. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Optional.of(Duration.between(now, at)) : Optional.empty();
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    public static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= RESPONSE_EXCERPT_CHARS ? body : body.substring(0, RESPONSE_EXCERPT_CHARS);
    }
}
