package io.mspcs.health.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Reason;
import io.mspcs.health.repository.DmiSnapshotEntity;
import io.mspcs.outbox.OutgoingEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the DMI events (events.md §4.2) from a snapshot; the payload records are this producer's own. */
public final class DmiEvents {

    static final String AGGREGATE = "ClientHealth";
    static final String DROP_RULE = "dmi-drop";

    private DmiEvents() {
    }

    record CategoryData(String category, BigDecimal score) {
    }

    record InsightData(String insightCode, String category, BigDecimal coverage, BigDecimal target, int weight,
                       int tier) {
    }

    record DmiMeasuredData(String clientId, String snapshotId, BigDecimal dmi, BigDecimal previousDmi,
                           BigDecimal delta, String color, String method, int catalogVersion,
                           List<CategoryData> categories, List<InsightData> insights, int flatCycles,
                           Instant measuredAt, Instant dataAsOf) {
    }

    record GapData(String insightCode, String category, BigDecimal coverage, BigDecimal target, int weight) {
    }

    record DmiDroppedData(String clientId, String snapshotId, BigDecimal dmi, BigDecimal previousDmi,
                          BigDecimal delta, BigDecimal threshold, String color, String previousColor, String segment,
                          List<GapData> topGaps, int catalogVersion, Reason reason) {
    }

    record DmiStalledData(String clientId, String snapshotId, BigDecimal dmi, int flatCycles, BigDecimal tolerance,
                          java.time.LocalDate since, List<GapData> topGaps) {
    }

    /** For a {@code stalled} CYCLE snapshot (health.md §3.3): written right after its DmiMeasured. */
    public static OutgoingEvent stalled(DmiSnapshotEntity snapshot, BigDecimal tolerance) {
        String clientId = snapshot.clientId.toString();
        return new OutgoingEvent(EventTypes.DMI_STALLED, clientId, AGGREGATE, clientId, new DmiStalledData(clientId,
                snapshot.id.toString(), snapshot.dmi, snapshot.flatCycles, tolerance, snapshot.flatSince,
                gaps(snapshot)));
    }

    private static List<GapData> gaps(DmiSnapshotEntity snapshot) {
        return snapshot.contents.topGaps().stream().map(g -> new GapData(g.insightCode(), g.category(), g.coverage(),
                g.target(), g.weight())).toList();
    }

    public static OutgoingEvent measured(DmiSnapshotEntity snapshot) {
        String clientId = snapshot.clientId.toString();
        return new OutgoingEvent(EventTypes.DMI_MEASURED, clientId, AGGREGATE, clientId, new DmiMeasuredData(
                clientId, snapshot.id.toString(), snapshot.dmi, snapshot.previousDmi, snapshot.delta,
                snapshot.color.name(), snapshot.method, snapshot.catalogVersion,
                snapshot.contents.categories().stream().map(c -> new CategoryData(c.category(), c.score())).toList(),
                snapshot.contents.insights().stream().map(i -> new InsightData(i.insightCode(), i.category(), i.coverage(),
                        i.target(), i.weight(), i.tier())).toList(),
                snapshot.flatCycles, snapshot.measuredAt, snapshot.dataAsOf));
    }

    /** For a {@code dropped} snapshot: previousDmi is the drop reference, not the previous snapshot. */
    public static OutgoingEvent dropped(DmiSnapshotEntity snapshot, BigDecimal threshold) {
        String clientId = snapshot.clientId.toString();
        BigDecimal fall = snapshot.dropReference.subtract(snapshot.dmi);
        Reason reason = new Reason("DMI_DROP",
                "DMI fell " + fall.toPlainString() + " points (threshold " + threshold.toPlainString() + ")",
                DROP_RULE, snapshot.modelVersion, snapshot.modelVersion, Map.of());
        return new OutgoingEvent(EventTypes.DMI_DROPPED, clientId, AGGREGATE, clientId, new DmiDroppedData(
                clientId, snapshot.id.toString(), snapshot.dmi, snapshot.dropReference, fall.negate(), threshold,
                snapshot.color.name(), snapshot.dropReferenceColor.name(), snapshot.segment,
                gaps(snapshot), snapshot.catalogVersion, reason));
    }
}
