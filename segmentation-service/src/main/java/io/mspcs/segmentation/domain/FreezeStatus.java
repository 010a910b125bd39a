package io.mspcs.segmentation.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;

/** The downgrade freeze (segmentation.md §3.6). Day limits end at 00:00 tenant time (UTC in v1). */
public record FreezeStatus(boolean active, Instant until, int openNegativeCtas, boolean red) {

    public static FreezeStatus evaluate(ClientSignals signals, SegmentationPolicy.Freeze policy, Instant now) {
        int open = signals.openNegativeCtas().size();
        boolean red = policy.redColorIsNegative() && "RED".equals(signals.healthColor());
        Instant until = signals.negativeEvents().stream().map(ClientSignals.NegativeEvent::occurredAt)
                .max(Comparator.naturalOrder())
                .map(latest -> latest.atZone(ZoneOffset.UTC).toLocalDate().plusDays(policy.days()).atStartOfDay()
                        .toInstant(ZoneOffset.UTC))
                .orElse(null);
        boolean inWindow = until != null && now.isBefore(until);
        return new FreezeStatus(open > 0 || red || inWindow, until, open, red);
    }
}
