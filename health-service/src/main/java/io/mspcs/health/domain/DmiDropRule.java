package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The DMI drop (health.md §3.3, §9.8): the reference is the highest DMI among earlier snapshots of the last 90 days,
 * counted from the latest dropped snapshot once a drop happened; a DMI at least 10 points below it has dropped.
 * Counting from the latest drop means one fall alerts once, while a further 10-point fall alerts again.
 */
public final class DmiDropRule {

    private final BigDecimal dropPoints;
    private final Duration window;

    public DmiDropRule(DmiPolicy policy) {
        this.dropPoints = policy.dropPoints();
        this.window = policy.dropWindow();
    }

    /** The comparison of a new DMI with its reference; {@code reference} is null when there is nothing to compare. */
    public record Verdict(SnapshotPoint reference, BigDecimal fall, boolean dropped) {

        static final Verdict NO_REFERENCE = new Verdict(null, null, false);
    }

    public Verdict evaluate(BigDecimal dmi, List<SnapshotPoint> earlier, Instant now) {
        return reference(earlier, now)
                .map(reference -> {
                    BigDecimal fall = reference.dmi().subtract(dmi);
                    return new Verdict(reference, fall, fall.compareTo(dropPoints) >= 0);
                })
                .orElse(Verdict.NO_REFERENCE);
    }

    /** Ties on the DMI go to the later snapshot, whose colour is the more recent one. */
    public Optional<SnapshotPoint> reference(List<SnapshotPoint> earlier, Instant now) {
        Instant from = now.minus(window);
        List<SnapshotPoint> inWindow = earlier.stream()
                .filter(s -> s.measuredAt().isAfter(from) && !s.measuredAt().isAfter(now))
                .toList();
        int sinceSeq = inWindow.stream().filter(SnapshotPoint::dropped).mapToInt(SnapshotPoint::seq).max()
                .orElse(Integer.MIN_VALUE);
        return inWindow.stream()
                .filter(s -> s.seq() >= sinceSeq)
                .max(Comparator.comparing(SnapshotPoint::dmi).thenComparingInt(SnapshotPoint::seq));
    }

    public BigDecimal threshold() {
        return dropPoints;
    }
}
