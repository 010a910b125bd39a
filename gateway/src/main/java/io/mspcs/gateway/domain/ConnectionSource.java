package io.mspcs.gateway.domain;

import java.util.Locale;
import java.util.Optional;

/** Who calls an inbound connection (gateway.md §9.2); each signs its callbacks its own way. */
public enum ConnectionSource {
    CONNECTWISE, AUTOTASK, GENERIC;

    public static Optional<ConnectionSource> parse(String value) {
        for (ConnectionSource source : values()) {
            if (source.wireName().equals(value)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** ConnectWise publishes its signing keys; the others share a secret with us. */
    public boolean sharesSecret() {
        return this != CONNECTWISE;
    }
}
