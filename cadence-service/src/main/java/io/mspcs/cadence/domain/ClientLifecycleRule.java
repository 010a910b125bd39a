package io.mspcs.cadence.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The client life-cycle rules of the catalogue (cadence.md §4.2): T-NEW opens onboarding for a client registered
 * ACTIVE on or after the tenant's {@code autoStartAfter} (clients of the import window are existing ones, §10.12);
 * T-SEG opens the engagement play for the new segment when a client that is not onboarding changes segment. Both
 * are owned by the CSM, the TAM for segment D.
 */
public final class ClientLifecycleRule {

    public static final String T_NEW = "T-NEW";
    public static final String T_SEG = "T-SEG";

    private ClientLifecycleRule() {
    }

    /** Only clients registered ACTIVE after the import window get onboarding. */
    public static boolean onboards(String status, Instant registeredAt, Instant autoStartAfter) {
        return "ACTIVE".equals(status) && registeredAt != null && !registeredAt.isBefore(autoStartAfter);
    }

    public static RuleCta onboarding(UUID clientId, Segment segment, Instant registeredAt, Instant slaStartAt,
                                     SlaCalculator sla) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("registeredAt", registeredAt.toString());
        inputs.put("segment", segment.name());
        return new RuleCta(T_NEW, CtaKind.LIFECYCLE, "ONBOARDING", "Onboard the new client: schedule the kickoff",
                Priority.MEDIUM, owner(segment), null, slaStartAt, sla.dueAt(slaStartAt, SlaOffset.parse("5bd")),
                sla.dueAt(slaStartAt, SlaOffset.parse("90d")), "onboarding", "KICKOFF",
                RuleCta.dedupeKey(clientId, T_NEW, null), inputs);
    }

    public static RuleCta segmentChanged(UUID clientId, String from, Segment to, Instant slaStartAt, SlaCalculator sla) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("from", from);
        inputs.put("to", to.name());
        return new RuleCta(T_SEG, CtaKind.LIFECYCLE, "SEGMENT_CHANGED",
                "Segment changed " + (from == null ? "" : from + " ") + "→ " + to + ": reset the engagement rhythm",
                Priority.MEDIUM, owner(to), null, slaStartAt, sla.dueAt(slaStartAt, SlaOffset.parse("72h")),
                sla.dueAt(slaStartAt, SlaOffset.parse("14d")), "engagement", null,
                RuleCta.dedupeKey(clientId, T_SEG, to.name()), inputs);
    }

    private static Role owner(Segment segment) {
        return segment == Segment.D ? Role.TAM : Role.CSM;
    }
}
