package io.mspcs.cadence.messaging;

import io.mspcs.cadence.repository.DecisionEntity;
import io.mspcs.cadence.repository.MeetingEntity;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Money;
import io.mspcs.outbox.OutgoingEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Meeting, recap, decision and miss events (events.md §4.3, cadence.md §7.1): this producer's payload records. */
public final class MeetingEvents {

    private MeetingEvents() {
    }

    record MeetingScheduled(UUID clientId, UUID meetingId, String meetingType, String title, boolean strategic,
                            String format, Instant scheduledFor, int durationMinutes, boolean confirmed,
                            String ownerRole, UUID ownerMemberId, UUID cadenceSlotId, String source,
                            Instant rescheduledFrom, UUID ctaId) {
    }

    record MeetingHeld(UUID clientId, UUID meetingId, String meetingType, boolean strategic, Instant scheduledFor,
                       Instant heldAt, boolean onTime, boolean decisionMakerPresent, boolean execSponsorPresent,
                       List<String> attendeeRoles, int clientAttendeeCount, int decisionsCount, Instant recapDueAt) {
    }

    record RecapRecorded(UUID clientId, UUID meetingId, String meetingType, boolean strategic, Instant heldAt,
                         Instant recordedAt, boolean onTime, boolean countsForCadence, int decisionsCount,
                         UUID cadenceSlotId) {
    }

    record MeetingCancelled(UUID clientId, UUID meetingId, String meetingType, boolean strategic,
                            Instant scheduledFor, String reason, UUID cadenceSlotId) {
    }

    record DecisionRecorded(UUID clientId, UUID decisionId, UUID meetingId, String outcome, String summary,
                            UUID ownerMemberId, UUID ownerContactId, Instant decidedAt, LocalDate dueDate,
                            Money budget, boolean creditGateMet) {
    }

    public record MeetingMissed(UUID clientId, UUID cadenceSlotId, UUID meetingId, String meetingType,
                                boolean strategic, Instant dueAt, LocalDate dueDate, LocalDate windowEnd,
                                Instant missedAt, String reason, int consecutiveMisses) {
    }

    public record CadenceMissed(UUID clientId, int consecutiveMisses, int threshold, String meetingType,
                                Instant lastHeldAt, List<UUID> missedSlotIds, String segment, int policyVersion,
                                String action) {
    }

    public static OutgoingEvent scheduled(MeetingEntity m, Instant rescheduledFrom) {
        return event(EventTypes.MEETING_SCHEDULED, m, new MeetingScheduled(m.clientId, m.id, m.meetingType, m.title,
                m.strategic, m.format, m.scheduledFor, m.durationMinutes, m.confirmed, m.ownerRole, m.ownerMemberId,
                m.cadenceSlotId, m.source, rescheduledFrom, m.ctaId));
    }

    public static OutgoingEvent held(MeetingEntity m, boolean onTime) {
        return event(EventTypes.MEETING_HELD, m, new MeetingHeld(m.clientId, m.id, m.meetingType, m.strategic,
                m.scheduledFor, m.heldAt, onTime, Boolean.TRUE.equals(m.decisionMakerPresent),
                Boolean.TRUE.equals(m.execSponsorPresent), roles(m), m.clientAttendeeCount == null ? 0
                : m.clientAttendeeCount, m.decisionsCount, m.recapDueAt));
    }

    public static OutgoingEvent recap(MeetingEntity m, UUID slotId) {
        return event(EventTypes.RECAP_RECORDED, m, new RecapRecorded(m.clientId, m.id, m.meetingType, m.strategic,
                m.heldAt, m.recapRecordedAt, Boolean.TRUE.equals(m.recapOnTime), m.counts, m.decisionsCount, slotId));
    }

    public static OutgoingEvent cancelled(MeetingEntity m) {
        return event(EventTypes.MEETING_CANCELLED, m, new MeetingCancelled(m.clientId, m.id, m.meetingType,
                m.strategic, m.scheduledFor, m.cancelReason, m.cadenceSlotId));
    }

    public static OutgoingEvent decision(DecisionEntity d) {
        Money budget = d.budgetAmount == null ? null : new Money(d.budgetAmount, d.budgetCurrency);
        return new OutgoingEvent(EventTypes.DECISION_RECORDED, d.clientId.toString(), "Decision", d.id.toString(),
                new DecisionRecorded(d.clientId, d.id, d.meetingId, d.outcome, d.summary, d.ownerMemberId,
                        d.ownerContactId, d.decidedAt, d.dueDate, budget, d.creditGateMet));
    }

    private static List<String> roles(MeetingEntity m) {
        return m.attendeeRoles == null || m.attendeeRoles.isBlank() ? List.of()
                : Arrays.asList(m.attendeeRoles.split(","));
    }

    private static OutgoingEvent event(String type, MeetingEntity m, Object data) {
        return new OutgoingEvent(type, m.clientId.toString(), "Meeting", m.id.toString(), data);
    }
}
