package io.mspcs.roadmap.domain;

import java.time.Duration;
import java.time.Instant;

/** Proposal aging (roadmap.md §6.2, §12.10): whole 24-hour periods since {@code sentAt}, in declared order. */
public enum AgingBucket {
    DAYS_0_14, DAYS_15_30, OVER_30, OVER_60;

    public static long ageDays(Instant sentAt, Instant now) {
        return Math.max(0, Duration.between(sentAt, now).toHours() / 24);
    }

    public static AgingBucket of(long ageDays) {
        if (ageDays >= 61) {
            return OVER_60;
        }
        if (ageDays >= 31) {
            return OVER_30;
        }
        return ageDays >= 15 ? DAYS_15_30 : DAYS_0_14;
    }

    /** Emit iff this bucket is later than the last one emitted: a rerun emits nothing, missed runs only this one. */
    public boolean emitsAfter(AgingBucket lastEmitted) {
        return this != DAYS_0_14 && (lastEmitted == null || compareTo(lastEmitted) > 0);
    }
}
