package io.mspcs.cadence.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The proposal rules of the catalogue (cadence.md §4.2) on roadmap's {@code ProposalAging}: T-PROP15 (DAYS_15_30,
 * a LOW follow-up in the digest), T-PROP30 (OVER_30, a stale-proposal CTA with the {@code proposal-reset} play that
 * supersedes the follow-up) and T-PROP60 (OVER_60: no new CTA, the open stale one counts again and turns HIGH).
 * Owner: the AM, or the proposal's owner when roadmap names one. Accepted, declined or closed proposals close them.
 */
public final class ProposalRule {

    public static final String T_PROP15 = "T-PROP15";
    public static final String T_PROP30 = "T-PROP30";
    public static final String T_PROP60 = "T-PROP60";

    /** What the consumer read from {@code ProposalAging}. */
    public record Aging(UUID clientId, UUID proposalId, String title, String bucket, int ageDays,
                        UUID ownerMemberId) {
    }

    private ProposalRule() {
    }

    /** The rule a bucket fires; empty for a bucket this version does not know. */
    public static Optional<String> ruleFor(String bucket) {
        return Optional.ofNullable(switch (bucket) {
            case "DAYS_15_30" -> T_PROP15;
            case "OVER_30" -> T_PROP30;
            case "OVER_60" -> T_PROP60;
            default -> null;
        });
    }

    /** The condition whose clearing (accepted, declined, closed) tombstones the proposal (§5.4). */
    public static String conditionKey(UUID proposalId) {
        return "PROPOSAL:" + proposalId;
    }

    /** Proposal id + bucket: the same bucket under a new event id is a duplicate (§5.3). */
    public static String causeKey(Aging aging) {
        return "proposal:" + aging.proposalId() + ":" + aging.bucket();
    }

    public static String dedupeKey(UUID clientId, String ruleId, UUID proposalId) {
        // T-PROP60 acts on the T-PROP30 CTA: "as T-PROP30".
        return RuleCta.dedupeKey(clientId, T_PROP60.equals(ruleId) ? T_PROP30 : ruleId, proposalId);
    }

    /**
     * T-PROP15 and T-PROP30. T-PROP15 has no first-action SLA ("—"): its first action is due with the CTA, so only
     * the due date escalates.
     */
    public static RuleCta cta(String ruleId, Aging aging, Instant slaStartAt, SlaCalculator sla) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("proposalId", aging.proposalId().toString());
        inputs.put("bucket", aging.bucket());
        inputs.put("ageDays", aging.ageDays());
        Instant due = sla.dueAt(slaStartAt, SlaOffset.parse("7d"));
        if (T_PROP15.equals(ruleId)) {
            return new RuleCta(T_PROP15, CtaKind.ACTIVITY, "PROPOSAL_FOLLOW_UP", "Follow up on proposal: " + aging.title(),
                    Priority.LOW, Role.AM, aging.ownerMemberId(), slaStartAt, due, due, null, null,
                    dedupeKey(aging.clientId(), T_PROP15, aging.proposalId()), inputs);
        }
        if (T_PROP30.equals(ruleId)) {
            return new RuleCta(T_PROP30, CtaKind.ENGAGEMENT, "PROPOSAL_STALE",
                    "No decision on proposal for " + aging.ageDays() + " days: " + aging.title(), Priority.MEDIUM,
                    Role.AM, aging.ownerMemberId(), slaStartAt, sla.dueAt(slaStartAt, SlaOffset.parse("72h")), due,
                    "proposal-reset", null, dedupeKey(aging.clientId(), T_PROP30, aging.proposalId()), inputs);
        }
        throw new IllegalArgumentException(ruleId + " opens no CTA");
    }
}
