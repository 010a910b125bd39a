package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
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

    /** A snapshot to take; {@code previousDmi}/{@code delta} are against the last snapshot (null for the first). */
    public record Plan(SnapshotKind kind, BigDecimal previousDmi, BigDecimal delta, DmiDropRule.Verdict drop) {

        public boolean dropped() {
            return drop.dropped();
        }
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

    public BigDecimal dropThreshold() {
        return dropRule.threshold();
    }
}
