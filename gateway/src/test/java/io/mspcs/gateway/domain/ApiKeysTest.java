package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys("pepper", new SecureRandom());

    @Test
    void issuesKeysOfTheDocumentedFormatWhoseHashMatchesOnlyThemselves() {
        ApiKeys.IssuedKey issued = keys.issue("test");
        assertThat(issued.key()).matches("^csk_test_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$");
        assertThat(ApiKeys.prefixOf(issued.key())).contains(issued.prefix());
        assertThat(keys.matches(issued.key(), issued.hash())).isTrue();
        assertThat(keys.matches(keys.issue("test").key(), issued.hash())).isFalse();
        assertThat(new ApiKeys("another pepper", new SecureRandom()).matches(issued.key(), issued.hash())).isFalse();
    }

    @Test
    void neverLooksUpMalformedKeys() {
        assertThat(ApiKeys.prefixOf("csk_test_short_x")).isEmpty();
        assertThat(ApiKeys.prefixOf(null)).isEmpty();
        assertThat(ApiKeys.prefixOf("csk_prod_AAAAAAAA_" + "B".repeat(32))).isEmpty();
    }

    @Test
    void refusesToRunWithoutAPepper() {
        assertThatThrownBy(() -> new ApiKeys(" ", new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
    }
}
