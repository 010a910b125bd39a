package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * When a recompute takes an INTERIM snapshot (health.md §3.3): the DMI moved at least the materiality delta from
 * the last snapshot, its colour changed, the catalogue version changed, the DMI has just become complete, or it
 * dropped. Anything else changes nothing and emits nothing.
 */
public final class DmiSnapshotPolicy {

    private final DmiPolicy policy;
    private final DmiDropRule dropRule;

    public DmiSnapshotPolicy(DmiPolicy policy) {
        this.policy = policy;
        this.dropRule = new DmiDropRule(policy);
    }

    /**
     * A snapshot to take; {@code previousDmi}/{@code delta} are against the last snapshot (null for the first).
     * {@code cycle} is set for CYCLE snapshots only.
     */
    public record Plan(SnapshotKind kind, BigDecimal previousDmi, BigDecimal delta, DmiDropRule.Verdict drop,
                       Cycle cycle) {

        public Plan(SnapshotKind kind, BigDecimal previousDmi, BigDecimal delta, DmiDropRule.Verdict drop) {
            this(kind, previousDmi, delta, drop, null);
        }

        public boolean dropped() {
            return drop.dropped();
        }

        public boolean stalled() {
            return cycle != null && cycle.stalled();
        }
    }

    /**
     * The monthly reading: {@code period} is the month that ended; {@code flatCycles} and {@code since} (the first
     * CYCLE snapshot of the flat run) feed the stall rule.
     */
    public record Cycle(YearMonth period, int flatCycles, boolean stalled, LocalDate since) {
    }

    /** What the stall rule needs of the previous CYCLE snapshot. */
    public record PreviousCycle(YearMonth period, BigDecimal dmi, int flatCycles, LocalDate since) {
    }

    /**
     * @param wasComplete whether the previous recompute found the DMI complete
     * @param last        the client's latest snapshot, null if none
     * @param recent      earlier snapshots (at least those of the drop window)
     */
    public Optional<Plan> interim(DmiSheet sheet, boolean wasComplete, SnapshotPoint last, List<SnapshotPoint> recent,
                                  Instant now) {
        if (!sheet.complete()) {
            return Optional.empty();
        }
        DmiDropRule.Verdict drop = dropRule.evaluate(sheet.dmi(), recent, now);
        boolean material = last == null
                || !wasComplete
                || sheet.dmi().subtract(last.dmi()).abs().compareTo(policy.materialDelta()) >= 0
                || sheet.color() != last.color()
                || sheet.catalogVersion() != last.catalogVersion()
                || drop.dropped();
        if (!material) {
            return Optional.empty();
        }
        BigDecimal previousDmi = last == null ? null : last.dmi();
        BigDecimal delta = last == null ? null : sheet.dmi().subtract(last.dmi());
        return Optional.of(new Plan(SnapshotKind.INTERIM, previousDmi, delta, drop));
    }

    /**
     * The CYCLE snapshot at a cycle close (health.md §3.3): always taken when the DMI has a value, even if unchanged.
     * {@code flatCycles} = the previous cycle's + 1 when the DMI moved less than the tolerance since it, else 0; a
     * previous cycle of an earlier month than the one before (a month without a reading) breaks the run. Stalled when
     * {@code flatCycles ≥ stallCycles} and the colour is not GREEN.
     *
     * @param today the cycle close's date in the tenant zone (the 1st of the month after {@code period})
     */
    public Optional<Plan> cycle(DmiSheet sheet, YearMonth period, LocalDate today, SnapshotPoint last,
                                PreviousCycle previous, List<SnapshotPoint> recent, DmiStallRule stallRule,
                                Instant now) {
        if (!sheet.complete()) {
            return Optional.empty();
        }
        boolean continues = previous != null && previous.period().equals(period.minusMonths(1));
        int flatCycles = continues && stallRule.flat(sheet.dmi(), previous.dmi()) ? previous.flatCycles() + 1 : 0;
        LocalDate since = flatCycles == 0 ? today : previous.since() != null ? previous.since() : today;
        boolean stalled = stallRule.stalled(flatCycles, sheet.color());
        DmiDropRule.Verdict drop = dropRule.evaluate(sheet.dmi(), recent, now);
        BigDecimal previousDmi = last == null ? null : last.dmi();
        BigDecimal delta = last == null ? null : sheet.dmi().subtract(last.dmi());
        return Optional.of(new Plan(SnapshotKind.CYCLE, previousDmi, delta, drop,
                new Cycle(period, flatCycles, stalled, since)));
    }

    public BigDecimal dropThreshold() {
        return dropRule.threshold();
    }
}
