package io.mspcs.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The shared secret only the gateway sends; unset (local tools, some tests) means every caller is trusted. */
final class GatewayToken {

    private final byte[] expected;

    GatewayToken(Optional<String> configured) {
        this.expected = configured.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    boolean matches(String presented) {
        return expected == null
                || MessageDigest.isEqual(expected, presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8));
    }
}
