package io.mspcs.gateway.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys of PSA/RMM integrations (gateway.md §1.1): {@code csk_<env>_<prefix 8>_<secret 32>} in base62. Only
 * {@code HMAC-SHA256(pepper, key)} is stored; the prefix finds the row, the hash is compared in constant time.
 */
public final class ApiKeys {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern FORMAT = Pattern.compile("^csk_(live|test)_([0-9A-Za-z]{8})_[0-9A-Za-z]{32}$");

    private final byte[] pepper;
    private final SecureRandom random;

    public ApiKeys(String pepper, SecureRandom random) {
        if (pepper == null || pepper.isBlank()) {
            throw new IllegalArgumentException("an API-key pepper is required");
        }
        this.pepper = pepper.getBytes(StandardCharsets.UTF_8);
        this.random = random;
    }

    /** A newly issued key: the full value is shown once; prefix and hash are what is kept. */
    public record IssuedKey(String key, String prefix, byte[] hash) {
    }

    public IssuedKey issue(String environment) {
        String prefix = randomBase62(8);
        String key = "csk_" + environment + "_" + prefix + "_" + randomBase62(32);
        return new IssuedKey(key, prefix, hash(key));
    }

    /** The prefix of a well-formed key; empty for anything else (never looked up). */
    public static Optional<String> prefixOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    public boolean matches(String key, byte[] storedHash) {
        return MessageDigest.isEqual(hash(key), storedHash);
    }

    byte[] hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String randomBase62(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return value.toString();
    }
}
