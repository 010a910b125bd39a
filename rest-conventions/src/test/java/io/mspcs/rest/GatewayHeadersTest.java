package io.mspcs.rest;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayHeadersTest {

    @Test
    void readsACommaSeparatedListIgnoringBlanksAndSpaces() {
        assertThat(HeaderList.parse(" CSM, AM ,,clients:write")).containsExactlyInAnyOrder("CSM", "AM", "clients:write");
        assertThat(HeaderList.parse(null)).isEmpty();
        assertThat(HeaderList.parse(" , ")).isEmpty();
    }

    @Test
    void acceptsOnlyTheConfiguredGatewayToken() {
        GatewayToken token = new GatewayToken(Optional.of("s3cret"));
        assertThat(token.matches("s3cret")).isTrue();
        assertThat(token.matches("s3cret ")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void trustsEveryCallerWhenNoTokenIsConfigured() {
        assertThat(new GatewayToken(Optional.empty()).matches(null)).isTrue();
    }
}
