package io.mspcs.cadence.repository;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids for the rows the sweep inserts in bulk (cadence.md §3.2): UUID version 7 layout (RFC 9562: 48-bit Unix
 * milliseconds, a 12-bit sequence, 62 random bits), so a batch's rows go to the right-hand end of each primary-key
 * index instead of to hundreds of random leaf pages of an index far larger than the buffer cache. The time part is
 * the machine's clock on purpose: it orders storage, it never carries business time (that is the injected Clock).
 */
public final class TimeOrderedIds {

    private static final AtomicLong LAST = new AtomicLong();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        // millis << 12 | sequence, strictly increasing within the JVM (a burst of > 4096 per ms borrows the next ms).
        long stamp = LAST.updateAndGet(previous -> Math.max(previous + 1, millis << 12));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0xFFFL);
        long low = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
