package io.mspcs.health.rest;

import io.mspcs.health.repository.DmiSnapshotEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One snapshot (health.md §2.4): the DmiMeasured data plus kind, period, completeness and the drop bookkeeping. */
public record DmiSnapshotView(UUID snapshotId, String kind, String period, Instant measuredAt, BigDecimal dmi,
                              BigDecimal previousDmi, BigDecimal delta, String color, String method,
                              int catalogVersion, int modelVersion, BigDecimal completeness, BigDecimal tier1Dmi,
                              List<DmiSnapshotEntity.Category> categories, List<DmiSnapshotEntity.InsightValue> insights,
                              List<DmiSnapshotEntity.TopGap> topGaps, int flatCycles, Instant dataAsOf, String segment,
                              BigDecimal dropReference, boolean dropped, boolean stalled) {

    static DmiSnapshotView of(DmiSnapshotEntity s) {
        return new DmiSnapshotView(s.id, s.kind.name(), s.period, s.measuredAt, s.dmi, s.previousDmi, s.delta,
                s.color.name(), s.method, s.catalogVersion, s.modelVersion, s.completeness, s.tier1Dmi, s.contents.categories(),
                s.contents.insights(), s.contents.topGaps(), s.flatCycles, s.dataAsOf, s.segment, s.dropReference, s.dropped, s.stalled);
    }
}
