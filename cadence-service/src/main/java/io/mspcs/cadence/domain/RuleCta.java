package io.mspcs.cadence.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a catalogue rule decided for one firing (cadence.md §4.2): kind, reason, priority, owner role (or a named
 * member), first action and due instants, playbook, meeting and dedupe key. {@link #draft} resolves the owner and
 * makes the CTA draft with the rule's version and the firing's cause.
 *
 * @param ownerMemberId a member the trigger names (a proposal or delivery owner); null = resolve {@code ownerRole}
 * @param meetingType   the rule's meeting: an unconfirmed placeholder at 10:00 on the due date; null = none
 */
public record RuleCta(String ruleId, CtaKind kind, String reasonCode, String title, Priority priority, Role ownerRole,
                      UUID ownerMemberId, Instant slaStartAt, Instant firstActionDueAt, Instant dueAt,
                      String playbookKey, String meetingType, String dedupeKey, Map<String, Object> inputs) {

    public RuleCta {
        title = title.length() <= 140 ? title : title.substring(0, 139) + "…";
        inputs = new LinkedHashMap<>(inputs);
    }

    public static String dedupeKey(UUID clientId, String ruleId, Object discriminator) {
        return clientId + ":" + ruleId + (discriminator == null ? "" : ":" + discriminator);
    }

    public CtaDraft draft(UUID ctaId, UUID clientId, int ruleVersion, Owners owners, UUID csLeaderMemberId,
                          Instant openedAt, Cause cause) {
        ResolvedOwner owner = ownerMemberId != null
                ? new ResolvedOwner(ownerRole, ownerMemberId, null, OwnerResolution.OWNER)
                : OwnerResolver.resolve(ownerRole, owners, csLeaderMemberId);
        CtaReason reason = new CtaReason(reasonCode, title, ruleId, ruleVersion, inputs);
        return new CtaDraft(ctaId, clientId, kind, reasonCode, title, priority, CtaSource.RULE, dedupeKey, null,
                playbookKey, owner, openedAt, slaStartAt, firstActionDueAt, dueAt, NotificationPolicy.opened(priority),
                reason, null, cause);
    }
}
