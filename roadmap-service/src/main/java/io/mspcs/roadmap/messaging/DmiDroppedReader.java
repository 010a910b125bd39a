package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.PoisonEventException;
import io.mspcs.roadmap.domain.TopGap;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The fields of health.DmiDropped.v1 roadmap uses. */
public record DmiDroppedReader(UUID snapshotId, BigDecimal dmi, List<GapReader> topGaps, ReasonReader reason) {

    public record GapReader(String insightCode, BigDecimal coverage, BigDecimal target) {
    }

    public record ReasonReader(String code, String text) {
    }

    public static DmiDroppedReader read(EventEnvelope event) {
        DmiDroppedReader data = EventCodec.readData(event, DmiDroppedReader.class);
        if (data.topGaps() != null && data.topGaps().stream()
                .anyMatch(gap -> gap.insightCode() == null || gap.coverage() == null || gap.target() == null)) {
            throw new PoisonEventException("DmiDropped gap without insightCode, coverage or target");
        }
        return data;
    }

    public List<TopGap> gaps() {
        return topGaps == null ? List.of()
                : topGaps.stream().map(gap -> new TopGap(gap.insightCode(), gap.coverage(), gap.target())).toList();
    }

    public String reasonText() {
        return reason == null ? null : reason.text();
    }
}
