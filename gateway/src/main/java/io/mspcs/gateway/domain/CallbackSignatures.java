package io.mspcs.gateway.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The signatures PSAs put on their callbacks (gateway.md §9.2), always over the raw body bytes and compared in
 * constant time: Autotask {@code X-Hook-Signature: sha1=<base64 HMAC-SHA1>}, generic senders
 * {@code X-CS-Signature: sha256=<hex HMAC-SHA256>}, ConnectWise {@code x-content-signature: <base64 HMAC-SHA256>}
 * keyed with the SHA-256 of the signing key it publishes.
 */
public final class CallbackSignatures {

    private CallbackSignatures() {
    }

    public static String autotask(String secret, byte[] body) {
        return "sha1=" + Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), body));
    }

    public static String generic(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8), body));
    }

    public static String connectWise(String signingKey, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA256", sha256(signingKey), body));
    }

    public static boolean autotaskMatches(String secret, byte[] body, String header) {
        return header != null && same(autotask(secret, body), header.strip());
    }

    public static boolean genericMatches(String secret, byte[] body, String header) {
        return header != null && same(generic(secret, body), header.strip().toLowerCase(Locale.ROOT));
    }

    public static boolean connectWiseMatches(String signingKey, byte[] body, String header) {
        return header != null && same(connectWise(signingKey, body), header.strip());
    }

    /** Constant time for equal lengths; a length difference reveals nothing secret. */
    private static boolean same(String expected, String offered) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), offered.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
