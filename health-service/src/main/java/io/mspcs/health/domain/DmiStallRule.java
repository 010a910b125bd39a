package io.mspcs.health.domain;

import java.math.BigDecimal;

/**
 * The DMI stall (health.md §3.3, §9.8): on CYCLE snapshots, a DMI that moved less than {@code tolerance} points
 * since the previous cycle is flat; {@code cycles} flat cycles in a row stall it, but never while GREEN (strict
 * "less than", matching cadence's "delta ≥ +tolerance clears").
 */
public record DmiStallRule(BigDecimal tolerance, int cycles) {

    public static DmiStallRule defaults() {
        return new DmiStallRule(new BigDecimal("2.0"), 2);
    }

    public boolean flat(BigDecimal dmi, BigDecimal previousCycleDmi) {
        return dmi.subtract(previousCycleDmi).abs().compareTo(tolerance) < 0;
    }

    public boolean stalled(int flatCycles, Color color) {
        return flatCycles >= cycles && color != Color.GREEN;
    }
}
