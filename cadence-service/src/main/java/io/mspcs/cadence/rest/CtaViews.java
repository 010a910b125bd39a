package io.mspcs.cadence.rest;

import io.mspcs.cadence.domain.CtaReason;
import io.mspcs.cadence.repository.CtaCauseEntity;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.service.CtaQueryService;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The CTA as the API shows it (cadence.md §8.3): a summary in lists, everything with the cause chain alone. */
public final class CtaViews {

    private CtaViews() {
    }

    public record ReasonView(String code, String text, String ruleId, Integer ruleVersion, Map<String, Object> inputs) {
        static ReasonView of(CtaReason reason) {
            return reason == null ? null
                    : new ReasonView(reason.code(), reason.text(), reason.ruleId(), reason.ruleVersion(), reason.inputs());
        }
    }

    public record CauseView(UUID eventId, String type, Instant time, String causeKey, String correlationId,
                            String summary) {
        static CauseView of(CtaCauseEntity cause) {
            return new CauseView(cause.eventId, cause.type, cause.time, cause.causeKey, cause.correlationId, cause.summary);
        }
    }

    public record CtaSummary(UUID ctaId, UUID clientId, String kind, String reasonCode, String title, String priority,
                             String status, String ownerRole, UUID ownerMemberId, String ownerResolution,
                             int occurrences, Instant openedAt, Instant firstActionDueAt, Instant firstActionAt,
                             Instant dueAt, int escalationLevel, Instant snoozedUntil, String closeStatus,
                             Instant closedAt) {
        static CtaSummary of(CtaEntity cta) {
            return new CtaSummary(cta.id, cta.clientId, cta.kind.name(), cta.reasonCode, cta.title, cta.priority.name(),
                    cta.status.name(), cta.ownerRole.name(), cta.ownerMemberId, cta.ownerResolution.name(),
                    cta.occurrences, cta.openedAt, cta.firstActionDueAt, cta.firstActionAt, cta.dueAt,
                    cta.escalationLevel, cta.snoozedUntil, cta.closeStatus == null ? null : cta.closeStatus.name(),
                    cta.closedAt);
        }
    }

    public record CtaDetail(UUID ctaId, UUID clientId, String kind, String reasonCode, String title, String priority,
                            String status, String source, String ownerRole, UUID ownerMemberId, UUID backupMemberId,
                            String ownerResolution, String dedupeKey, String dimension, String playbookKey,
                            int occurrences, Instant openedAt, Instant lastSeenAt, Instant slaStartAt,
                            Instant firstActionDueAt, Instant firstActionAt, Instant dueAt, int escalationLevel,
                            String notification, ReasonView reason, String closeStatus, Instant closedAt,
                            ReasonView closeReason, List<CauseView> causes, Instant snoozedUntil,
                            String snoozeReason, String escalatedToRole, Instant suppressUntil) {
        static CtaDetail of(CtaQueryService.CtaWithCauses found) {
            CtaEntity cta = found.cta();
            return new CtaDetail(cta.id, cta.clientId, cta.kind.name(), cta.reasonCode, cta.title, cta.priority.name(),
                    cta.status.name(), cta.source.name(), cta.ownerRole.name(), cta.ownerMemberId, cta.backupMemberId,
                    cta.ownerResolution.name(), cta.dedupeKey, cta.dimension, cta.playbookKey, cta.occurrences,
                    cta.openedAt, cta.lastSeenAt, cta.slaStartAt, cta.firstActionDueAt, cta.firstActionAt, cta.dueAt,
                    cta.escalationLevel, cta.notification.name(), ReasonView.of(cta.reason()),
                    cta.closeStatus == null ? null : cta.closeStatus.name(), cta.closedAt,
                    ReasonView.of(cta.closeReason()), found.causes().stream().map(CauseView::of).toList(),
                    cta.snoozedUntil, cta.snoozeReason,
                    cta.escalatedToRole == null ? null : cta.escalatedToRole.name(), cta.suppressUntil);
        }
    }
}
