package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Signature, URL policy and retry schedule of outbound webhooks (gateway.md §6, §11 #23). */
class WebhookRulesTest {

    @Test
    void signsLikeTheStandardWebhooksReferenceVector() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "169.254.169.254", "10.0.0.5", "192.168.1.1", "172.16.0.1", "0.0.0.0",
            "224.0.0.1", "100.64.0.1", "::1", "fe80::1", "fd00::1"})
    void refusesNonPublicAddresses(String address) throws Exception {
        assertThat(new WebhookUrlPolicy(false).refuseAddresses(List.of(InetAddress.getByName(address)))).isPresent();
    }

    @Test
    void acceptsAHostWhoseAddressesAreAllPublic() throws Exception {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false);
        assertThat(policy.refuseAddresses(List.of(InetAddress.getByName("93.184.216.34")))).isEmpty();
        assertThat(policy.refuseAddresses(List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("10.0.0.5")))).isPresent();
    }

    @Test
    void plainHttpOnlyWhereAllowed() {
        assertThat(new WebhookUrlPolicy(false).refuseForm("http://hooks.example.com/x")).isPresent();
        assertThat(new WebhookUrlPolicy(true).refuseForm("http://hooks.example.com/x")).isEmpty();
        assertThat(new WebhookUrlPolicy(false).refuseForm("https://user:pw@hooks.example.com/x")).isPresent();
        assertThat(new WebhookUrlPolicy(false).refuseForm("https://hooks.example.com/x")).isEmpty();
    }

    @Test
    void retriesOnTheDocumentedScheduleThenGivesUp() {
        List<Duration> waits = java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(attempt -> WebhookRetrySchedule.next(attempt, 0, Optional.empty()).orElseThrow()).toList();
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));
        assertThat(WebhookRetrySchedule.next(8, 0, Optional.empty())).isEmpty();
        assertThat(WebhookRetrySchedule.next(1, 1, Optional.empty())).contains(Duration.ofSeconds(72));
        assertThat(WebhookRetrySchedule.next(1, -1, Optional.empty())).contains(Duration.ofSeconds(48));
        assertThat(WebhookRetrySchedule.next(1, 0, Optional.of(Duration.ofMinutes(10)))).contains(Duration.ofMinutes(10));
    }
}
