package io.mspcs.cadence.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The roadmap-driven lifecycle rules of the catalogue (cadence.md §4.2): T-ASMT (assessment review, due
 * {@code completedAt} + 10 d, HIGH when the assessment found high risks) and T-INIT (initiative kick-off, due in
 * 10 business days, owned by the delivery owner when roadmap names one, else the TAM). Each fires once per
 * assessment or initiative: the id is part of the dedupe key.
 */
public final class LifecycleRule {

    /** What the consumer read from a roadmap event. */
    public record Trigger(String ruleId, UUID clientId, UUID eventId, String eventType, Instant time,
                          String correlationId, String subjectId, Instant anchor, int highRiskCount,
                          UUID deliveryOwnerMemberId, String label) {
    }

    private LifecycleRule() {
    }

    public static String dedupeKey(Trigger trigger) {
        return trigger.clientId() + ":" + trigger.ruleId() + ":" + trigger.subjectId();
    }

    public static CtaDraft draft(UUID ctaId, Trigger trigger, int ruleVersion, Optional<Segment> segment, Owners owners,
                                 UUID csLeader, SlaCalculator sla, Instant openedAt) {
        Instant start = SlaCalculator.slaStartAt(openedAt);
        boolean highTouch = segment.map(Segment::highTouch).orElse(false);
        Map<String, Object> inputs = new LinkedHashMap<>();
        Priority priority;
        Role role;
        ResolvedOwner owner;
        Instant dueAt;
        String reasonCode;
        String title;
        String playbook;
        if ("T-ASMT".equals(trigger.ruleId())) {
            reasonCode = "ASSESSMENT_REVIEW";
            priority = trigger.highRiskCount() > 0 ? Priority.HIGH : Priority.MEDIUM;
            role = highTouch ? Role.VCIO : Role.CSM;
            owner = OwnerResolver.resolve(role, owners, csLeader);
            // "completedAt + 10 d": the day arithmetic of §4.3 anchored on the assessment, not on handling time.
            dueAt = sla.dueAt(SlaCalculator.slaStartAt(trigger.anchor()), SlaOffset.parse("10d"));
            title = "Review the " + trigger.label() + " assessment with the client";
            playbook = null;
            inputs.put("assessmentId", trigger.subjectId());
            inputs.put("completedAt", trigger.anchor().toString());
            inputs.put("highRiskCount", trigger.highRiskCount());
        } else if ("T-INIT".equals(trigger.ruleId())) {
            reasonCode = "INITIATIVE_KICKOFF";
            priority = Priority.MEDIUM;
            role = Role.TAM;
            owner = trigger.deliveryOwnerMemberId() != null
                    ? new ResolvedOwner(Role.TAM, trigger.deliveryOwnerMemberId(), null, OwnerResolution.OWNER)
                    : OwnerResolver.resolve(role, owners, csLeader);
            dueAt = sla.dueAt(start, SlaOffset.parse("10bd"));
            title = "Kick off initiative: " + trigger.label();
            playbook = "initiative-kickoff";
            inputs.put("initiativeId", trigger.subjectId());
        } else {
            throw new IllegalArgumentException("not a lifecycle rule: " + trigger.ruleId());
        }
        String shortTitle = title.length() <= 140 ? title : title.substring(0, 139) + "…";
        CtaReason reason = new CtaReason(reasonCode, shortTitle, trigger.ruleId(), ruleVersion, inputs);
        Cause cause = new Cause(trigger.eventId(), trigger.eventType(), trigger.time(),
                trigger.ruleId() + ":" + trigger.subjectId(), trigger.correlationId(), shortTitle);
        return new CtaDraft(ctaId, trigger.clientId(), CtaKind.LIFECYCLE, reasonCode, shortTitle, priority,
                CtaSource.RULE, dedupeKey(trigger), null, playbook, owner, openedAt, start,
                sla.dueAt(start, SlaOffset.parse("72h")), dueAt, NotificationPolicy.opened(priority), reason, null,
                cause);
    }
}
