package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What the snapshot rules need of an earlier snapshot; {@code seq} orders a client's snapshots (1, 2, …). */
public record SnapshotPoint(UUID snapshotId, int seq, Instant measuredAt, BigDecimal dmi, Color color,
                            int catalogVersion, boolean dropped) {

    public SnapshotPoint {
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(dmi, "dmi");
        Objects.requireNonNull(color, "color");
    }
}
