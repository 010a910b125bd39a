package io.mspcs.cadence.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A {@code health.DmiDropped.v1} as rule AD-T9 sees it: the snapshot, its DMI and the reference it fell from
 * ({@code previousDmi}, the highest snapshot of the last 90 days), the segment health used, and the event facts
 * the cause chain records.
 */
public record DmiDrop(UUID eventId, String eventType, Instant time, String correlationId, UUID clientId,
                      UUID snapshotId, BigDecimal dmi, BigDecimal previousDmi, Segment segment) {

    public BigDecimal points() {
        return previousDmi.subtract(dmi);
    }
}
