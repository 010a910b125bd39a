package io.mspcs.cadence.repository;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.util.UUID;

/**
 * Ids for the rows the sweep inserts in bulk (cadence.md §3.2): UUID version 7 (RFC 9562: Unix milliseconds first),
 * so a batch's rows go to the right-hand end of each primary-key index instead of to hundreds of random leaf pages of
 * an index far larger than the buffer cache. The time part is the machine's clock on purpose: it orders storage, it
 * never carries business time (that is the injected Clock).
 */
public final class TimeOrderedIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
