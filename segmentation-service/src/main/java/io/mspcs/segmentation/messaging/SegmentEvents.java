package io.mspcs.segmentation.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Reason;
import io.mspcs.outbox.OutgoingEvent;
import io.mspcs.segmentation.domain.SegmentAssignment;
import io.mspcs.segmentation.domain.SegmentAssignment.InputHealth;
import io.mspcs.segmentation.domain.SegmentAssignment.Override;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Builds the segment events (events.md §4.1); the payload records are this producer's own. */
public final class SegmentEvents {

    private SegmentEvents() {
    }

    record Quadrant(String maturity, String appetite, String archetype) {
    }

    record Hold(String segment, String heldBy, Instant since, Instant until) {
    }

    record Health(UUID eventId, int modelVersion, Instant scoredAt) {
    }

    record SegmentAssignedData(UUID clientId, String segment, String basis, String computedSegment, boolean provisional,
                               BigDecimal maturity, BigDecimal appetite, String maturityLevel, String appetiteLevel,
                               Quadrant quadrant, String goalLevel, String mrrBand, String tier, Hold hold,
                               List<String> changed, Reason reason, Health inputHealth, int policyVersion) {
    }

    record SegmentChangedData(UUID clientId, String from, String to, String direction, String basis, Reason reason,
                              String computedSegment, boolean overrideActive, BigDecimal maturity, BigDecimal appetite,
                              Quadrant quadrant, String goalLevel, String mrrBand, String tier, Health inputHealth,
                              int policyVersion, Instant changedAt) {
    }

    record SegmentOverriddenData(UUID clientId, UUID overrideId, String segment, String previousSegment,
                                 String computedSegment, String reason, String by, Instant expiresAt,
                                 UUID replacedOverrideId, boolean frozenDowngradeAcknowledged) {
    }

    record SegmentOverrideEndedData(UUID clientId, UUID overrideId, String segment, String endedBecause, String by,
                                    Instant endedAt, String fallbackSegment, boolean held) {
    }

    public static OutgoingEvent assigned(UUID clientId, SegmentAssignment a, List<String> changed) {
        return event(EventTypes.SEGMENT_ASSIGNED, clientId, new SegmentAssignedData(clientId, a.segment().name(),
                a.basis().name(), a.computedSegment().name(), a.provisional(), a.maturity(), a.appetite(),
                name(a.maturityLevel()), name(a.appetiteLevel()), quadrant(a), a.goalLevel(), a.mrrBand().name(),
                a.investment().tier().name(), hold(a.hold()), changed, reason(a), health(a.inputHealth()),
                a.policyVersion()));
    }

    public static OutgoingEvent changed(UUID clientId, SegmentAssignment from, SegmentAssignment a, Instant at) {
        return event(EventTypes.SEGMENT_CHANGED, clientId, new SegmentChangedData(clientId, from.segment().name(),
                a.segment().name(), a.segment().below(from.segment()) ? "DOWNGRADE" : "UPGRADE",
                a.basis() == SegmentAssignment.Basis.OVERRIDE ? "OVERRIDE" : "COMPUTED", reason(a),
                a.computedSegment().name(), a.override() != null, a.maturity(), a.appetite(), quadrant(a), a.goalLevel(),
                a.mrrBand().name(), a.investment().tier().name(), health(a.inputHealth()), a.policyVersion(), ms(at)));
    }

    public static OutgoingEvent overridden(UUID clientId, Override override, SegmentAssignment before,
                                           UUID replacedOverrideId, boolean acknowledged) {
        return event(EventTypes.SEGMENT_OVERRIDDEN, clientId, new SegmentOverriddenData(clientId, override.id(),
                override.segment().name(), before.segment().name(), before.computedSegment().name(), override.reason(),
                override.by(), ms(override.expiresAt()), replacedOverrideId, acknowledged));
    }

    public static OutgoingEvent overrideEnded(UUID clientId, Override override, boolean expired, String by, Instant at,
                                              SegmentAssignment after) {
        return event(EventTypes.SEGMENT_OVERRIDE_ENDED, clientId, new SegmentOverrideEndedData(clientId, override.id(),
                override.segment().name(), expired ? "EXPIRED" : "REMOVED", by, ms(at), after.computedSegment().name(),
                after.hold() != null));
    }

    private static OutgoingEvent event(String type, UUID clientId, Object data) {
        return new OutgoingEvent(type, clientId.toString(), "Client", clientId.toString(), data);
    }

    static Reason reason(SegmentAssignment a) {
        return new Reason(a.reason().code(), a.reason().text(), null, null,
                a.inputHealth() == null ? null : a.inputHealth().modelVersion(), a.reason().inputs());
    }

    private static Quadrant quadrant(SegmentAssignment a) {
        return a.quadrant() == null ? null
                : new Quadrant(a.maturityLevel().name(), a.appetiteLevel().name(), a.quadrant().archetype());
    }

    private static Hold hold(SegmentAssignment.Hold hold) {
        return hold == null ? null : new Hold(hold.segment().name(), hold.heldBy().name(), ms(hold.since()), ms(hold.until()));
    }

    private static Health health(InputHealth health) {
        return health == null ? null : new Health(health.eventId(), health.modelVersion(), ms(health.scoredAt()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static Instant ms(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
