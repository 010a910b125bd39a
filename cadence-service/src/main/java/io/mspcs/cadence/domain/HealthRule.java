package io.mspcs.cadence.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The health rules of the catalogue that raise a CTA from a condition and close it when the condition clears
 * (cadence.md §4.2): AD-T4 (DMI flat), AD-T10 (adoption gate), AD-T3 (backup risk), HC-RED (a dimension RED).
 * Each decides kind, priority, owner role, SLA offsets, playbook and dedupe key from the event and the segment.
 */
public final class HealthRule {

    /** What a raising event says, already read by the consumer. */
    public record Raise(String ruleId, UUID clientId, UUID eventId, String eventType, Instant time, String correlationId,
                        String causeKey, String conditionKey, String discriminator, String detail, String summary,
                        Map<String, Object> inputs) {
    }

    /** The rule's decisions for one raise. */
    public record Spec(CtaKind kind, String reasonCode, Priority priority, Role ownerRole, SlaOffset firstAction,
                       SlaOffset due, String playbookKey, String dimension, String title) {
    }

    public static final int RULE_VERSION = 1;

    private HealthRule() {
    }

    public static String dedupeKey(Raise raise) {
        return raise.clientId() + ":" + raise.ruleId() + (raise.discriminator() == null ? "" : ":" + raise.discriminator());
    }

    /** Empty when the rule does not fire on this event (e.g. fewer than two flat cycles). */
    public static Optional<Spec> spec(Raise raise, Optional<Segment> segment) {
        boolean highTouch = segment.map(Segment::highTouch).orElse(false);
        return switch (raise.ruleId()) {
            case "AD-T4" -> Optional.of(new Spec(CtaKind.HEALTH, "DMI_FLAT", Priority.MEDIUM, Role.CSM,
                    SlaOffset.parse("72h"), SlaOffset.parse("7d"), "value-reset", "ADOPTION",
                    "DMI flat for " + raise.detail() + " cycles: value recap and a quick win"));
            case "AD-T10" -> "SEQUENCING".equals(raise.discriminator())
                    ? Optional.of(new Spec(CtaKind.REMEDIATION, "ADOPTION_GATE", Priority.MEDIUM, Role.TAM,
                    SlaOffset.parse("72h"), SlaOffset.parse("14d"), "remediation", "ADOPTION",
                    "Sequencing gate breached: " + raise.detail()))
                    : Optional.of(new Spec(CtaKind.REMEDIATION, "ADOPTION_GATE", Priority.HIGH, Role.TAM,
                    SlaOffset.parse("72h"), SlaOffset.parse("5d"), "remediation", "ADOPTION",
                    "Fix-first gate breached: " + raise.detail()));
            case "AD-T3" -> Optional.of(new Spec(CtaKind.HEALTH, "BACKUP_RISK",
                    "NO_RECENT_SUCCESS".equals(raise.detail()) ? Priority.CRITICAL : Priority.HIGH, Role.TAM,
                    SlaOffset.parse("24h"), SlaOffset.parse("3d"), "backup-recovery", "SERVICE_QUALITY",
                    "Backup risk: " + raise.detail()));
            case "HC-RED" -> {
                String dimension = raise.discriminator();
                Role owner = switch (dimension) {
                    case "ADOPTION", "SERVICE_QUALITY" -> Role.TAM;
                    case "ALIGNMENT" -> highTouch ? Role.VCIO : Role.CSM;
                    default -> Role.CSM;
                };
                SlaOffset first = SlaOffset.parse("CX".equals(dimension) ? "48h" : "72h");
                SlaOffset due = SlaOffset.parse("ADOPTION".equals(dimension) || "SERVICE_QUALITY".equals(dimension)
                        ? "5d" : "7d");
                Priority priority = segment.filter(s -> s == Segment.A).isPresent() ? Priority.HIGH : Priority.MEDIUM;
                yield Optional.of(new Spec(CtaKind.HEALTH, "COLOR_RED", priority, owner, first, due, null, dimension,
                        dimension + " health is RED"));
            }
            default -> Optional.empty();
        };
    }

    public static CtaDraft draft(UUID ctaId, Raise raise, Spec spec, Owners owners, UUID csLeader, SlaCalculator sla,
                                 Instant openedAt) {
        Instant start = SlaCalculator.slaStartAt(openedAt);
        Map<String, Object> inputs = new LinkedHashMap<>(raise.inputs());
        CtaReason reason = new CtaReason(spec.reasonCode(), spec.title(), raise.ruleId(), RULE_VERSION, inputs);
        Cause cause = new Cause(raise.eventId(), raise.eventType(), raise.time(), raise.causeKey(),
                raise.correlationId(), raise.summary());
        return new CtaDraft(ctaId, raise.clientId(), spec.kind(), spec.reasonCode(), truncate(spec.title()),
                spec.priority(), CtaSource.RULE, dedupeKey(raise), spec.dimension(), spec.playbookKey(),
                OwnerResolver.resolve(spec.ownerRole(), owners, csLeader), openedAt, start,
                sla.dueAt(start, spec.firstAction()), sla.dueAt(start, spec.due()),
                NotificationPolicy.opened(spec.priority()), reason, null, cause);
    }

    private static String truncate(String title) {
        return title.length() <= 140 ? title : title.substring(0, 139) + "…";
    }
}
