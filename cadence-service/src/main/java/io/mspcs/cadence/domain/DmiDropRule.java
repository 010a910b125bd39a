package io.mspcs.cadence.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rule AD-T9 (cadence.md §4.2): a DMI drop of at least 10 points opens one HIGH REMEDIATION/DMI_DROP CTA per
 * client, owned by the vCIO for segments A/B and the CSM otherwise, first action in 72 h, due in 7 d. Later drops
 * while it is open are occurrences of it. It auto-closes when a measurement is back within 2 points of the
 * reference the first drop fell from.
 */
public final class DmiDropRule {

    public static final String RULE_ID = "AD-T9";
    public static final int RULE_VERSION = 1;
    public static final String REASON_CODE = "DMI_DROP";
    public static final String CLEARED_CODE = "CONDITION_CLEARED";
    public static final String PLAYBOOK_KEY = "dmi-resequence";
    public static final String DIMENSION = "ADOPTION";
    public static final BigDecimal MIN_DROP_POINTS = BigDecimal.TEN;
    public static final BigDecimal CLEARING_TOLERANCE = BigDecimal.valueOf(2);
    public static final SlaOffset FIRST_ACTION = SlaOffset.parse("72h");
    public static final SlaOffset DUE = SlaOffset.parse("7d");

    private final SlaCalculator sla;

    public DmiDropRule(SlaCalculator sla) {
        this.sla = sla;
    }

    public static String dedupeKey(UUID clientId) {
        return clientId + ":" + RULE_ID;
    }

    /** The snapshot is the cause: the same snapshot under another event id is a duplicate, not a repeat. */
    public static String causeKey(UUID snapshotId) {
        return "snapshot:" + snapshotId;
    }

    /** Below {@code minDropPoints} the rule does not fire (firing outcome BELOW_THRESHOLD). */
    public static boolean fires(DmiDrop drop) {
        return fires(drop, MIN_DROP_POINTS);
    }

    /** With the tenant's {@code minDropPoints} (cadence.md §4.1). */
    public static boolean fires(DmiDrop drop, BigDecimal minDropPoints) {
        return drop.points().compareTo(minDropPoints) >= 0;
    }

    /** Segmentation's read model wins; the segment health used is the fallback until segmentation has spoken. */
    public static Optional<Segment> segmentFor(Optional<Segment> fromReadModel, DmiDrop drop) {
        return fromReadModel.or(() -> Optional.ofNullable(drop.segment()));
    }

    /** vCIO for the high-touch segments A and B; CSM for C, D and a client whose segment is not known yet. */
    public static Role ownerRole(Optional<Segment> segment) {
        return segment.map(Segment::highTouch).orElse(false) ? Role.VCIO : Role.CSM;
    }

    public CtaDraft open(UUID ctaId, DmiDrop drop, Optional<Segment> segment, Owners owners, Instant openedAt) {
        Instant slaStartAt = SlaCalculator.slaStartAt(openedAt);
        ResolvedOwner owner = OwnerResolver.resolve(ownerRole(segment), owners);
        return new CtaDraft(ctaId, drop.clientId(), CtaKind.REMEDIATION, REASON_CODE, title(drop), Priority.HIGH,
                CtaSource.RULE, dedupeKey(drop.clientId()), DIMENSION, PLAYBOOK_KEY, owner, openedAt, slaStartAt,
                sla.dueAt(slaStartAt, FIRST_ACTION), sla.dueAt(slaStartAt, DUE), NotificationPolicy.opened(Priority.HIGH),
                reason(drop.dmi(), drop.previousDmi(), segment), drop.previousDmi(), cause(drop));
    }

    /** A later drop refreshes the inputs but keeps the reference of the first one (cadence.md §5.3). */
    public static CtaReason repeatedReason(DmiDrop drop, BigDecimal firstReference, Optional<Segment> segment) {
        return reason(drop.dmi(), firstReference, segment);
    }

    public static Cause cause(DmiDrop drop) {
        return new Cause(drop.eventId(), drop.eventType(), drop.time(), causeKey(drop.snapshotId()),
                drop.correlationId(), DmiPoints.format(drop.previousDmi()) + " → " + DmiPoints.format(drop.dmi()));
    }

    public static String title(DmiDrop drop) {
        return "DMI dropped " + DmiPoints.format(drop.points()) + " points: resequence roadmap, add quick wins";
    }

    /**
     * A measurement clears the CTA when its DMI is at least the reference minus the tolerance; one older than the
     * CTA's newest cause is stale (a replay or a late delivery cannot undo a newer drop).
     */
    public static ClearingDecision clearing(BigDecimal reference, Instant newestCauseTime, BigDecimal dmi,
                                            Instant measuredTime) {
        if (measuredTime.isBefore(newestCauseTime)) {
            return ClearingDecision.STALE;
        }
        return dmi.compareTo(reference.subtract(CLEARING_TOLERANCE)) >= 0
                ? ClearingDecision.CLEARED : ClearingDecision.STILL_RAISED;
    }

    public static CtaReason clearedReason(UUID clearingEventId, BigDecimal dmi, BigDecimal reference) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("clearingEventId", clearingEventId.toString());
        inputs.put("dmi", dmi);
        inputs.put("referenceDmi", reference);
        return new CtaReason(CLEARED_CODE, "DMI back at " + DmiPoints.format(dmi) + ", within "
                + CLEARING_TOLERANCE.toPlainString() + " points of the " + DmiPoints.format(reference) + " reference",
                RULE_ID, RULE_VERSION, inputs);
    }

    private static CtaReason reason(BigDecimal dmi, BigDecimal reference, Optional<Segment> segment) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("dmi", dmi);
        inputs.put("previousDmi", reference);
        inputs.put("segment", segment.map(Segment::name).orElse(null));
        return new CtaReason(REASON_CODE, "DMI dropped from " + DmiPoints.format(reference) + " to "
                + DmiPoints.format(dmi), RULE_ID, RULE_VERSION, inputs);
    }
}
