package io.mspcs.cadence.messaging;

import io.mspcs.cadence.domain.CtaReason;
import io.mspcs.cadence.domain.Digest;
import io.mspcs.cadence.domain.FirstActionSla;
import io.mspcs.cadence.domain.Notification;
import io.mspcs.cadence.domain.Role;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Reason;
import io.mspcs.outbox.OutgoingEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Builds the CTA events (events.md §4.3, cadence.md §7.1); the payload records are this producer's own. */
public final class CtaEvents {

    private CtaEvents() {
    }

    record CtaOpened(UUID clientId, UUID ctaId, String kind, String reasonCode, String title, String priority,
                     String ownerRole, UUID ownerMemberId, UUID backupMemberId, String ownerResolution,
                     Instant openedAt, Instant dueAt, Instant firstActionDueAt, String source, String dedupeKey,
                     String dimension, String notification, Reason reason) {
    }

    /** One changed field; {@code from} and {@code to} are written even when null. */
    public record Change(String field, Object from, Object to) {
    }

    record CtaUpdated(UUID clientId, UUID ctaId, String kind, String status, String priority, UUID ownerMemberId,
                      List<Change> changes, Instant snoozedUntil, String snoozeReason, Instant firstActionAt,
                      int occurrences, Instant lastSeenAt, String notification, UUID actorId) {
    }

    record CtaClosed(UUID clientId, UUID ctaId, String kind, String closeStatus, Instant closedAt, Reason reason,
                     Instant openedAt, Instant firstActionAt, boolean firstActionSlaMet, int occurrences) {
    }

    record CtaEscalated(UUID clientId, UUID ctaId, String kind, int level, String trigger, String escalatedToRole,
                        UUID escalatedToMemberId, String priority, Instant breachedAt) {
    }

    record CtaDigestReady(UUID memberId, LocalDate date, List<Digest.Item> items, int immediateUsed, int budget) {
    }

    /** Addressed to a member, not a client: {@code subject} = the member (events.md §4.3). */
    public static OutgoingEvent digestReady(Digest digest) {
        return new OutgoingEvent(EventTypes.CTA_DIGEST_READY, digest.memberId().toString(), "CtaDigest",
                digest.memberId() + ":" + digest.date(), new CtaDigestReady(digest.memberId(), digest.date(),
                digest.items(), digest.immediateUsed(), digest.budget()));
    }

    public static OutgoingEvent escalated(CtaEntity cta, String trigger, Role toRole, UUID toMember, Instant breachedAt) {
        return event(EventTypes.CTA_ESCALATED, cta, new CtaEscalated(cta.clientId, cta.id, cta.kind.name(),
                cta.escalationLevel, trigger, toRole.name(), toMember, cta.priority.name(), breachedAt));
    }

    public static OutgoingEvent opened(CtaEntity cta) {
        return event(EventTypes.CTA_OPENED, cta, new CtaOpened(cta.clientId, cta.id, cta.kind.name(), cta.reasonCode,
                cta.title, cta.priority.name(), cta.ownerRole.name(), cta.ownerMemberId, cta.backupMemberId,
                cta.ownerResolution.name(), cta.openedAt, cta.dueAt, cta.firstActionDueAt, cta.source.name(),
                cta.dedupeKey, cta.dimension, cta.notification.name(), wire(cta.reason())));
    }

    public static OutgoingEvent updated(CtaEntity cta, List<Change> changes, Notification notification) {
        return updated(cta, changes, notification, null);
    }

    /** {@code actorId} null = a system change. */
    public static OutgoingEvent updated(CtaEntity cta, List<Change> changes, Notification notification, UUID actorId) {
        return event(EventTypes.CTA_UPDATED, cta, new CtaUpdated(cta.clientId, cta.id, cta.kind.name(),
                cta.status.name(), cta.priority.name(), cta.ownerMemberId, changes, cta.snoozedUntil,
                cta.snoozeReason, cta.firstActionAt, cta.occurrences, cta.lastSeenAt, notification.name(), actorId));
    }

    public static OutgoingEvent closed(CtaEntity cta) {
        return event(EventTypes.CTA_CLOSED, cta, new CtaClosed(cta.clientId, cta.id, cta.kind.name(),
                cta.closeStatus.name(), cta.closedAt, wire(cta.closeReason()), cta.openedAt, cta.firstActionAt,
                FirstActionSla.met(cta.firstActionAt, cta.firstActionDueAt, cta.closedAt), cta.occurrences));
    }

    private static OutgoingEvent event(String type, CtaEntity cta, Object data) {
        return new OutgoingEvent(type, cta.clientId.toString(), "Cta", cta.id.toString(), data);
    }

    private static Reason wire(CtaReason reason) {
        return new Reason(reason.code(), reason.text(), reason.ruleId(), reason.ruleVersion(), null, reason.inputs());
    }
}
