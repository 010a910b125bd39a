package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** cadence.md §4.2 T-PROP15, T-PROP30, T-PROP60. */
class ProposalRuleTest {

    private static final SlaCalculator SLA = new SlaCalculator(WorkingCalendar.DEFAULT);
    private static final Instant START = Instant.parse("2026-11-20T14:00:00Z"); // a Friday
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID PROPOSAL = UUID.randomUUID();

    private static ProposalRule.Aging aging(String bucket, UUID owner) {
        return new ProposalRule.Aging(CLIENT, PROPOSAL, "MFA rollout", bucket, 31, owner);
    }

    @Test
    void eachBucketHasItsRuleAndUnknownBucketsFireNothing() {
        assertThat(ProposalRule.ruleFor("DAYS_15_30")).contains("T-PROP15");
        assertThat(ProposalRule.ruleFor("OVER_30")).contains("T-PROP30");
        assertThat(ProposalRule.ruleFor("OVER_60")).contains("T-PROP60");
        assertThat(ProposalRule.ruleFor("OVER_90")).isEmpty();
    }

    @Test
    void followUpIsALowDigestActivityForTheProposalOwnerWithoutAFirstActionSla() {
        UUID owner = UUID.randomUUID();

        RuleCta cta = ProposalRule.cta("T-PROP15", aging("DAYS_15_30", owner), START, SLA);

        assertThat(cta.kind()).isEqualTo(CtaKind.ACTIVITY);
        assertThat(cta.reasonCode()).isEqualTo("PROPOSAL_FOLLOW_UP");
        assertThat(cta.priority()).isEqualTo(Priority.LOW);
        assertThat(cta.ownerRole()).isEqualTo(Role.AM);
        assertThat(cta.ownerMemberId()).isEqualTo(owner);
        assertThat(cta.dueAt()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        assertThat(cta.firstActionDueAt()).isEqualTo(cta.dueAt());
        assertThat(NotificationPolicy.opened(cta.priority())).isEqualTo(Notification.DIGEST);
        assertThat(cta.dedupeKey()).isEqualTo(CLIENT + ":T-PROP15:" + PROPOSAL);
    }

    @Test
    void staleProposalIsAMediumEngagementCtaWithTheResetPlayForTheAmWhenNoOwnerIsNamed() {
        RuleCta cta = ProposalRule.cta("T-PROP30", aging("OVER_30", null), START, SLA);

        assertThat(cta.kind()).isEqualTo(CtaKind.ENGAGEMENT);
        assertThat(cta.reasonCode()).isEqualTo("PROPOSAL_STALE");
        assertThat(cta.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(cta.ownerMemberId()).isNull();
        assertThat(cta.firstActionDueAt()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
        assertThat(cta.dueAt()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        assertThat(cta.playbookKey()).isEqualTo("proposal-reset");
    }

    @Test
    void sixtyDaysActsOnTheStaleProposalCtaAndCountsAsANewCause() {
        assertThat(ProposalRule.dedupeKey(CLIENT, "T-PROP60", PROPOSAL))
                .isEqualTo(ProposalRule.dedupeKey(CLIENT, "T-PROP30", PROPOSAL));
        assertThat(ProposalRule.causeKey(aging("OVER_60", null)))
                .isNotEqualTo(ProposalRule.causeKey(aging("OVER_30", null)));
    }
}
