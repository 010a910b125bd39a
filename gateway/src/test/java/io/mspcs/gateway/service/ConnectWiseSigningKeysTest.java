package io.mspcs.gateway.service;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectWiseSigningKeysTest {

    private static final String HOST = "https://api-na.myconnectwise.net";
    private final List<URI> fetched = new ArrayList<>();
    private final SteppedClock clock = new SteppedClock();
    private final ConnectWiseSigningKeys keys = new ConnectWiseSigningKeys(url -> {
        fetched.add(url);
        return Uni.createFrom().item("key-" + fetched.size());
    }, clock);

    private Optional<String> key(String url) {
        return keys.key(HOST, url).await().atMost(Duration.ofSeconds(1));
    }

    @Test
    void fetchesFromTheConnectionsHostAndKeepsTheKeyForAnHour() {
        String url = HOST + "/v4_6_release/apis/3.0/system/callbackentry/key/17";
        assertThat(key(url)).contains("key-1");
        clock.advance(Duration.ofMinutes(59));
        assertThat(key(url)).contains("key-1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(key(url)).contains("key-2");
        assertThat(fetched).hasSize(2).allMatch(u -> u.toString().equals(url));
    }

    @Test
    void neverFetchesFromAnyOtherHostSchemeOrPort() {
        for (String url : List.of("https://evil.example/key/1", "http://api-na.myconnectwise.net/key/1",
                "https://api-na.myconnectwise.net:8443/key/1", "https://api-na.myconnectwise.net.evil.example/key/1",
                "https://user@api-na.myconnectwise.net/key/1", "not a url", "")) {
            assertThat(key(url)).as(url).isEmpty();
        }
        assertThat(fetched).isEmpty();
    }

    /** A clock the test moves by hand. */
    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T14:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
