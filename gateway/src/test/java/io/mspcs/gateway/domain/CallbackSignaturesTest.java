package io.mspcs.gateway.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackSignaturesTest {

    private static final byte[] BODY = "{\"entity\":\"company\",\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void autotaskSignsWithBase64HmacSha1OfTheRawBody() {
        // HMAC-SHA1("key", "The quick brown fox jumps over the lazy dog") = de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        assertThat(CallbackSignatures.autotask("key", fox)).isEqualTo("sha1=3nybhbi3iqa8ino29wqQcBydtNk=");
        assertThat(CallbackSignatures.autotaskMatches("key", fox, "sha1=3nybhbi3iqa8ino29wqQcBydtNk=")).isTrue();
    }

    @Test
    void genericSignsWithHexHmacSha256AndAcceptsUpperCaseHex() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
        assertThat(CallbackSignatures.generic("key", fox)).isEqualTo(expected);
        assertThat(CallbackSignatures.genericMatches("key", fox, expected.toUpperCase().replace("SHA256", "sha256")))
                .isTrue();
    }

    @Test
    void connectWiseKeysTheHmacWithTheSha256OfTheSigningKey() {
        String signature = CallbackSignatures.connectWise("published-key", BODY);
        assertThat(signature).isNotEqualTo(CallbackSignatures.generic("published-key", BODY));
        assertThat(CallbackSignatures.connectWiseMatches("published-key", BODY, signature)).isTrue();
        assertThat(CallbackSignatures.connectWiseMatches("another-key", BODY, signature)).isFalse();
    }

    @Test
    void aMissingWrongOrForeignSignatureDoesNotMatch() {
        String good = CallbackSignatures.generic("s3cret-s3cret-s3cret", BODY);
        assertThat(CallbackSignatures.genericMatches("s3cret-s3cret-s3cret", BODY, null)).isFalse();
        assertThat(CallbackSignatures.genericMatches("another-secret-value", BODY, good)).isFalse();
        byte[] changed = "{\"entity\":\"company\",\"id\":\"43\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(CallbackSignatures.genericMatches("s3cret-s3cret-s3cret", changed, good)).isFalse();
        assertThat(CallbackSignatures.autotaskMatches("s3cret-s3cret-s3cret", BODY, good)).isFalse();
    }
}
