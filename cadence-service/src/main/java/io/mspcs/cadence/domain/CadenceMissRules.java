package io.mspcs.cadence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The CTAs of the miss ladder (cadence.md §4.2 T-MISS1, T-MISS2, T-MISS3). Timer-driven: the SLA starts at the
 * timer's {@code fire_at}, so a late sweep produces the same dates.
 */
public final class CadenceMissRules {

    public static final String T_MISS1 = "T-MISS1";
    public static final String T_MISS2 = "T-MISS2";
    public static final String T_MISS3 = "T-MISS3";
    public static final int RULE_VERSION = 1;
    private static final SlaOffset FIRST_ACTION = SlaOffset.parse("72h");

    /** What the sweep knows about the missed slot. */
    public record Miss(UUID clientId, UUID slotId, UUID timerId, String meetingType, LocalDate dueDate,
                       MissReason reason, int streak, Instant firedAt, String correlationId) {
    }

    private final SlaCalculator sla;
    private final CadencePolicy policy;

    public CadenceMissRules(CadencePolicy policy) {
        this.policy = policy;
        this.sla = new SlaCalculator(policy.calendar());
    }

    public static String dedupeKey(UUID clientId, String ruleId, String discriminator) {
        return clientId + ":" + ruleId + (discriminator == null ? "" : ":" + discriminator);
    }

    public CtaDraft rebook(UUID ctaId, Miss miss, Role lineOwner, Owners owners) {
        return draft(ctaId, miss, T_MISS1, CtaKind.ACTIVITY, "MEETING_REBOOK", Priority.MEDIUM,
                OwnerResolver.resolve(lineOwner, owners, policy.csLeaderMemberId()),
                SlaOffset.parse(policy.missLadder().rebookDays() + "d"), null, miss.meetingType(),
                "Rebook the missed " + miss.meetingType() + " (due " + miss.dueDate() + ")");
    }

    public CtaDraft reengage(UUID ctaId, Miss miss, Role lineOwner, Owners owners) {
        return draft(ctaId, miss, T_MISS2, CtaKind.AT_RISK, "CADENCE_MISSED", Priority.HIGH,
                OwnerResolver.resolve(lineOwner, owners, policy.csLeaderMemberId()), SlaOffset.parse("7d"),
                "reengage", null, miss.streak() + " strategic meetings missed in a row: re-engage the client");
    }

    public CtaDraft review(UUID ctaId, Miss miss, Owners owners) {
        return draft(ctaId, miss, T_MISS3, CtaKind.ENGAGEMENT, "CADENCE_REVIEW", Priority.HIGH,
                OwnerResolver.resolve(Role.CS_LEADER, owners, policy.csLeaderMemberId()), SlaOffset.parse("14d"),
                "cadence-review", null, miss.streak() + " strategic meetings missed in a row: review segment and cadence");
    }

    private CtaDraft draft(UUID ctaId, Miss miss, String ruleId, CtaKind kind, String reasonCode, Priority priority,
                           ResolvedOwner owner, SlaOffset due, String playbookKey, String discriminator, String title) {
        Instant start = SlaCalculator.slaStartAt(miss.firedAt());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("meetingType", miss.meetingType());
        inputs.put("dueDate", miss.dueDate().toString());
        inputs.put("missReason", miss.reason().name());
        inputs.put("consecutiveMisses", miss.streak());
        inputs.put("cadenceSlotId", miss.slotId().toString());
        CtaReason reason = new CtaReason(reasonCode, title, ruleId, RULE_VERSION, inputs);
        Cause cause = new Cause(miss.timerId(), "timer.SLOT_MISS", miss.firedAt(), "slot:" + miss.slotId(),
                miss.correlationId(), miss.meetingType() + " due " + miss.dueDate() + " missed (" + miss.reason() + ")");
        return new CtaDraft(ctaId, miss.clientId(), kind, reasonCode, title, priority, CtaSource.RULE,
                dedupeKey(miss.clientId(), ruleId, discriminator), null, playbookKey, owner, miss.firedAt(), start,
                sla.dueAt(start, FIRST_ACTION), sla.dueAt(start, due), NotificationPolicy.opened(priority), reason,
                null, cause);
    }
}
