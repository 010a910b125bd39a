package io.mspcs.cadence.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The lifecycle CTAs that ask for one meeting and are resolved by it (cadence.md §4.2 auto-close "meeting counts →
 * DONE": T-FYE's budget session, T-ASMT's roadmap review; §5.2 the linked meeting counts). The other lifecycle rules
 * say otherwise: T-REN closes by people, T-INIT / T-SEG / T-NEW with their run.
 */
public final class AskedMeetingRule {

    static final Set<String> RESOLVED_BY_MEETING = Set.of(DateTriggerRule.T_FYE, "T-ASMT");

    private AskedMeetingRule() {
    }

    /** The meeting a roadmap lifecycle CTA asks for (§4.2: T-ASMT a ROADMAP_REVIEW), or null. */
    public static String meetingOf(String ruleId) {
        return "T-ASMT".equals(ruleId) ? "ROADMAP_REVIEW" : null;
    }

    /**
     * Whether a counting meeting closes the CTA DONE: the CTA is of a rule resolved by its meeting, and the meeting
     * is the one linked to it (its placeholder) or one of the asked type held once the CTA was open.
     */
    public static boolean resolves(CtaKind kind, String ruleId, String askedType, Instant slaStartAt, boolean linked,
                                   String meetingType, Instant heldAt) {
        if (kind != CtaKind.LIFECYCLE || !RESOLVED_BY_MEETING.contains(ruleId)) {
            return false;
        }
        return linked || askedType != null && askedType.equals(meetingType) && !heldAt.isBefore(slaStartAt);
    }

    public static CtaReason doneReason(String ruleId, Integer ruleVersion, UUID meetingId, Instant heldAt) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("meetingId", meetingId.toString());
        inputs.put("heldAt", heldAt.toString());
        return new CtaReason("MEETING_COUNTED", "The meeting it asked for was held and counts", ruleId, ruleVersion,
                inputs);
    }
}
