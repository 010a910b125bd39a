package io.mspcs.roadmap.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Proposal aging (roadmap.md §6.2, §12.10): whole 24-hour periods since {@code sentAt}, in declared order. */
public enum AgingBucket {
    DAYS_0_14, DAYS_15_30, OVER_30, OVER_60;

    public static long ageDays(Instant sentAt, Instant now) {
        return Math.max(0, Duration.between(sentAt, now).toHours() / 24);
    }

    public static AgingBucket of(long ageDays) {
        return of(ageDays, DEFAULT_STARTS);
    }

    /** The default first days of DAYS_15_30, OVER_30 and OVER_60 (roadmap.md §2). */
    public static final List<Integer> DEFAULT_STARTS = List.of(15, 31, 61);

    /** @param starts the tenant policy's first days of DAYS_15_30, OVER_30 and OVER_60, ascending */
    public static AgingBucket of(long ageDays, List<Integer> starts) {
        if (ageDays >= starts.get(2)) {
            return OVER_60;
        }
        if (ageDays >= starts.get(1)) {
            return OVER_30;
        }
        return ageDays >= starts.get(0) ? DAYS_15_30 : DAYS_0_14;
    }

    /** Emit iff this bucket is later than the last one emitted: a rerun emits nothing, missed runs only this one. */
    public boolean emitsAfter(AgingBucket lastEmitted) {
        return this != DAYS_0_14 && (lastEmitted == null || compareTo(lastEmitted) > 0);
    }
}
