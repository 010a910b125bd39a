package io.mspcs.health.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#parse} with a fast path for the form PSA/RMM connectors send ({@code 2026-11-20T13:55:00Z}, up to 9
 * fraction digits): a bulk call parses thousands, and the formatter-based parse cost more than the rest of an
 * item's validation. Any other text (offsets, lower case, 24:00, leap seconds, bad dates) goes to
 * {@code Instant.parse}, so the results and the exceptions are exactly its.
 */
public final class IsoInstant {

    private IsoInstant() {
    }

    public static Instant parse(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z'
                && (n == 20 || (n > 21 && text.charAt(19) == '.'))) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = 0;
            if (n > 20) {
                int fraction = digits(text, 20, n - 1);
                nanos = fraction < 0 ? -1 : fraction * POWERS[9 - (n - 21)];
            }
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59
                    && second >= 0 && second <= 59 && nanos >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // an impossible date: Instant.parse reports it
                }
            }
        }
        return Instant.parse(text);
    }

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The non-negative number the ASCII digits in [from, to) spell, else -1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
