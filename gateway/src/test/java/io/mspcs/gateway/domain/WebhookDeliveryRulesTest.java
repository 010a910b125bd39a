package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T14:00:00Z");

    @Test
    void only2xxDeliversAnd410MeansGone() {
        assertThat(WebhookDeliveryRules.delivered(200)).isTrue();
        assertThat(WebhookDeliveryRules.delivered(299)).isTrue();
        assertThat(WebhookDeliveryRules.delivered(300)).isFalse();
        assertThat(WebhookDeliveryRules.delivered(null)).isFalse();
        assertThat(WebhookDeliveryRules.gone(410)).isTrue();
        assertThat(WebhookDeliveryRules.gone(404)).isFalse();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(WebhookDeliveryRules.retryAfter("900", NOW)).contains(Duration.ofSeconds(900));
        assertThat(WebhookDeliveryRules.retryAfter("Fri, 20 Nov 2026 15:00:00 GMT", NOW)).contains(Duration.ofHours(1));
        assertThat(WebhookDeliveryRules.retryAfter("Fri, 20 Nov 2026 13:00:00 GMT", NOW)).isEmpty();
        assertThat(WebhookDeliveryRules.retryAfter("soon", NOW)).isEmpty();
        assertThat(WebhookDeliveryRules.retryAfter("0", NOW)).isEmpty();
        assertThat(WebhookDeliveryRules.retryAfter(null, NOW)).isEmpty();
    }

    @Test
    void threeDaysOfOnlyFailuresIsTooLong() {
        assertThat(WebhookDeliveryRules.failingTooLong(NOW.minus(Duration.ofDays(3)), NOW)).isTrue();
        assertThat(WebhookDeliveryRules.failingTooLong(NOW.minus(Duration.ofDays(3)).plusSeconds(1), NOW)).isFalse();
        assertThat(WebhookDeliveryRules.failingTooLong(null, NOW)).isFalse();
    }

    @Test
    void aLongerRetryAfterThanTheScheduleWins() {
        Optional<Duration> wait = WebhookRetrySchedule.next(2, 1.0,
                WebhookDeliveryRules.retryAfter("900", NOW));
        assertThat(wait).contains(Duration.ofSeconds(900));
    }

    @Test
    void theResponseExcerptKeepsAtMostOneKibibyte() {
        assertThat(WebhookDeliveryRules.excerpt("x".repeat(5000))).hasSize(1024);
        assertThat(WebhookDeliveryRules.excerpt("ok")).isEqualTo("ok");
        assertThat(WebhookDeliveryRules.excerpt(null)).isNull();
    }
}
