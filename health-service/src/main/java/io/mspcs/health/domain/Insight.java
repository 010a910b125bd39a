package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One DMI insight of a catalogue version (health.md §2.2). {@code gateThreshold} is null when it gates nothing. */
public record Insight(String code, String name, String definition, String dataSource, String category, int weight,
                      BigDecimal target, int tier, BigDecimal gateThreshold, String signalType, boolean active) {

    public Insight {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(target, "target");
        if (weight < 1 || weight > 5) {
            throw new IllegalArgumentException("weight of " + code + " must be 1-5");
        }
        if (tier != 1 && tier != 2) {
            throw new IllegalArgumentException("tier of " + code + " must be 1 or 2");
        }
    }
}
