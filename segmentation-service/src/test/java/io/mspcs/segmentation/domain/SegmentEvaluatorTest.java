package io.mspcs.segmentation.domain;

import io.mspcs.segmentation.domain.SegmentAssignment.Basis;
import io.mspcs.segmentation.domain.SegmentAssignment.HeldBy;
import io.mspcs.segmentation.domain.SegmentEvaluator.Evaluation;
import io.mspcs.segmentation.domain.SegmentEvaluator.HistoryKind;
import io.mspcs.segmentation.domain.SegmentEvaluator.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** segmentation.md §8 E1, E5, E6, E7, E8 and the guards of §3.5. */
class SegmentEvaluatorTest {

    @Test
    void newClientIsProvisionalCWithBandAndInvestmentFromMrr() {
        ClientScenario client = new ClientScenario(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(client.state.segment()).isEqualTo(Segment.C);
        assertThat(client.state.basis()).isEqualTo(Basis.PROVISIONAL);
        assertThat(client.state.provisional()).isTrue();
        assertThat(client.state.reason().code()).isEqualTo("PROVISIONAL_DEFAULT");
        assertThat(client.state.mrrBand()).isEqualTo(MrrBand.HIGH);
        assertThat(client.state.investment().tier()).isEqualTo(Tier.PREMIUM);
    }

    @Test
    void e1FirstScoreOfProvisionalClientAssignsWithoutChange() {
        ClientScenario client = new ClientScenario(Instant.parse("2025-12-01T00:00:00Z"));
        Evaluation first = client.score("2025-12-02T00:00:00Z", "3.6", "2.4");
        assertThat(first.letterChanged()).isFalse();
        assertThat(first.changed()).contains("provisional");
        assertThat(client.state.reason().code()).isEqualTo("FIRST_HEALTH_SCORE");
        assertThat(client.state.reason().text()).isEqualTo("maturity 3.6 (high) × appetite 2.4 (low) → C");
        assertThat(client.state.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(client.state.goalLevel()).isEqualTo("1.2");
    }

    @Test
    void firstScoreIgnoresDwellAndFreeze() {
        ClientScenario client = new ClientScenario(Instant.parse("2025-12-01T00:00:00Z"));
        client.color = "RED";
        Evaluation first = client.score("2025-12-02T00:00:00Z", "2.9", "2.9");
        assertThat(first.letterChanged()).isTrue();
        assertThat(client.state.segment()).isEqualTo(Segment.D);
        assertThat(client.state.reason().code()).isEqualTo("FIRST_HEALTH_SCORE");
    }

    @Test
    void e5HysteresisAndDwell() {
        ClientScenario client = new ClientScenario(Instant.parse("2025-12-01T00:00:00Z"));
        Evaluation e = client.score("2026-01-05T00:00:00Z", "3.6", "2.4");
        assertThat(e.material()).isTrue();
        assertThat(e.letterChanged()).isFalse();
        assertThat(client.score("2026-02-05T00:00:00Z", "3.6", "3.1").material()).isFalse();
        assertThat(client.score("2026-03-05T00:00:00Z", "3.6", "2.9").material()).isFalse();
        e = client.score("2026-04-05T00:00:00Z", "3.6", "3.2");
        assertThat(e.letterChanged()).isTrue();
        assertThat(client.state.segment()).isEqualTo(Segment.A);
        assertThat(client.state.reason().code()).isEqualTo("QUADRANT");
        assertThat(client.score("2026-04-20T00:00:00Z", "3.6", "3.0").material()).isFalse();
        assertThat(client.score("2026-04-25T00:00:00Z", "3.6", "2.9").material()).isFalse();
        e = client.score("2026-05-01T00:00:00Z", "3.6", "2.7");
        assertThat(e.letterChanged()).isFalse();
        assertThat(e.material()).isTrue();
        assertThat(e.historyKind()).isEqualTo(HistoryKind.HELD);
        assertThat(client.state.computedSegment()).isEqualTo(Segment.C);
        assertThat(client.state.segment()).isEqualTo(Segment.A);
        assertThat(client.state.hold().heldBy()).isEqualTo(HeldBy.DWELL);
        assertThat(client.state.hold().until()).isEqualTo(Instant.parse("2026-05-05T00:00:00Z"));

        assertThat(client.run("2026-05-04T23:55:00Z", Trigger.SWEEP).material()).isFalse();
        e = client.run("2026-05-05T00:05:00Z", Trigger.SWEEP);
        assertThat(e.letterChanged()).isTrue();
        assertThat(e.from()).isEqualTo(Segment.A);
        assertThat(client.state.segment()).isEqualTo(Segment.C);
        assertThat(client.state.reason().code()).isEqualTo("HOLD_RELEASED");
        assertThat(client.state.hold()).isNull();
        assertThat(client.run("2026-05-05T00:10:00Z", Trigger.SWEEP).material()).isFalse();
    }

    @Test
    void aClientNearTheBoundaryDoesNotFlap() {
        ClientScenario client = new ClientScenario(Instant.parse("2025-12-01T00:00:00Z"));
        client.score("2026-01-05T00:00:00Z", "3.0", "3.6");
        assertThat(client.state.segment()).isEqualTo(Segment.A);
        String[] maturities = {"2.9", "3.1", "2.8", "3.0", "2.9", "3.1"};
        for (int i = 0; i < maturities.length; i++) {
            Evaluation e = client.score("2026-0" + (i + 2) + "-10T00:00:00Z", maturities[i], "3.6");
            assertThat(e.material()).as("score %s", maturities[i]).isFalse();
            assertThat(client.state.segment()).isEqualTo(Segment.A);
        }
    }

    private static ClientScenario segmentB() {
        ClientScenario client = new ClientScenario(Instant.parse("2025-10-01T00:00:00Z"));
        client.score("2025-11-02T00:00:00Z", "2.5", "3.5");
        assertThat(client.state.segment()).isEqualTo(Segment.B);
        return client;
    }

    @Test
    void e6FreezeHoldsADowngradeUntilTheWindowEnds() {
        ClientScenario client = segmentB();
        client.openCtas.add(new ClientSignals.OpenCta("cta-1", Instant.parse("2026-03-10T15:00:00Z")));
        client.negatives.add(new ClientSignals.NegativeEvent(ClientSignals.NegativeKind.AT_RISK_CTA,
                Instant.parse("2026-03-10T15:00:00Z"), "cta-1", null, null));
        client.color = "YELLOW";
        Evaluation e = client.score("2026-04-20T00:00:00Z", "2.5", "2.6");
        assertThat(e.letterChanged()).isFalse();
        assertThat(e.historyKind()).isEqualTo(HistoryKind.HELD);
        assertThat(client.state.computedSegment()).isEqualTo(Segment.D);
        assertThat(client.state.segment()).isEqualTo(Segment.B);
        assertThat(client.state.hold().segment()).isEqualTo(Segment.D);
        assertThat(client.state.hold().heldBy()).isEqualTo(HeldBy.FREEZE);
        assertThat(client.state.hold().until()).isEqualTo(Instant.parse("2026-06-08T00:00:00Z"));

        client.openCtas.clear();
        assertThat(client.run("2026-04-30T00:00:00Z", Trigger.SIGNAL).letterChanged()).isFalse();
        assertThat(client.run("2026-06-07T23:55:00Z", Trigger.SWEEP).letterChanged()).isFalse();
        e = client.run("2026-06-08T00:05:00Z", Trigger.SWEEP);
        assertThat(e.letterChanged()).isTrue();
        assertThat(client.state.segment()).isEqualTo(Segment.D);
        assertThat(client.state.reason().code()).isEqualTo("HOLD_RELEASED");
    }

    @Test
    void e6AnOpenAtRiskCtaExtendsTheFreezeBeyondTheWindow() {
        ClientScenario client = segmentB();
        client.openCtas.add(new ClientSignals.OpenCta("cta-1", Instant.parse("2026-03-10T15:00:00Z")));
        client.negatives.add(new ClientSignals.NegativeEvent(ClientSignals.NegativeKind.AT_RISK_CTA,
                Instant.parse("2026-03-10T15:00:00Z"), "cta-1", null, null));
        client.score("2026-04-20T00:00:00Z", "2.5", "2.6");
        assertThat(client.run("2026-06-08T00:05:00Z", Trigger.SWEEP).letterChanged()).isFalse();
        assertThat(client.state.segment()).isEqualTo(Segment.B);
    }

    private static ClientScenario quadrantC() {
        ClientScenario client = new ClientScenario(Instant.parse("2025-09-01T00:00:00Z"));
        client.score("2025-10-01T00:00:00Z", "3.4", "2.6");
        assertThat(client.state.segment()).isEqualTo(Segment.C);
        client.cadence.add(new ClientSignals.CadenceRecord(ClientSignals.CadenceKind.MEETING_HELD, Instant.parse("2026-03-20T10:00:00Z")));
        return client;
    }

    @Test
    void e7SustainedDmiAndCadencePromoteCToB() {
        ClientScenario client = quadrantC();
        client.dmi("2026-01-05T00:00:00Z", "72");
        client.dmi("2026-02-05T00:00:00Z", "74");
        client.dmi("2026-03-05T00:00:00Z", "71");
        client.dmi("2026-04-06T00:00:00Z", "73");
        Evaluation e = client.run("2026-04-06T00:00:00Z", Trigger.SIGNAL);
        assertThat(e.letterChanged()).isTrue();
        assertThat(client.state.segment()).isEqualTo(Segment.B);
        assertThat(client.state.reason().code()).isEqualTo("PROMOTION_RULE");

        client.dmi("2026-05-20T00:00:00Z", "66");
        assertThat(client.run("2026-05-20T00:00:00Z", Trigger.SIGNAL).letterChanged()).isFalse();
        assertThat(client.state.segment()).isEqualTo(Segment.B);
        client.dmi("2026-06-20T00:00:00Z", "64");
        e = client.run("2026-06-20T00:00:00Z", Trigger.SIGNAL);
        assertThat(e.letterChanged()).isTrue();
        assertThat(client.state.segment()).isEqualTo(Segment.C);
        assertThat(client.state.reason().code()).isEqualTo("PROMOTION_REVOKED");
    }

    @Test
    void e7ABrokenRunDoesNotPromote() {
        ClientScenario client = quadrantC();
        client.dmi("2026-01-05T00:00:00Z", "72");
        client.dmi("2026-02-05T00:00:00Z", "68");
        client.dmi("2026-03-05T00:00:00Z", "71");
        client.dmi("2026-04-06T00:00:00Z", "73");
        assertThat(client.run("2026-04-06T00:00:00Z", Trigger.SIGNAL).letterChanged()).isFalse();
        assertThat(client.state.promotion().dmiRunStart()).hasToString("2026-03-05");
        assertThat(client.state.segment()).isEqualTo(Segment.C);
    }

    @Test
    void e7TheSweepPromotesOnceTheRunIsNinetyDaysOld() {
        ClientScenario client = quadrantC();
        client.dmi("2026-01-10T00:00:00Z", "72");
        client.dmi("2026-02-05T00:00:00Z", "74");
        client.dmi("2026-03-05T00:00:00Z", "71");
        client.dmi("2026-04-06T00:00:00Z", "73");
        assertThat(client.run("2026-04-06T00:00:00Z", Trigger.SIGNAL).letterChanged()).isFalse();
        assertThat(client.run("2026-04-09T00:05:00Z", Trigger.SWEEP).letterChanged()).isFalse();
        assertThat(client.run("2026-04-10T00:05:00Z", Trigger.SWEEP).letterChanged()).isTrue();
        assertThat(client.state.segment()).isEqualTo(Segment.B);
    }

    @Test
    void e8OverrideAppliesAtOnceAndFallsBackOnExpiry() {
        ClientScenario client = quadrantC();
        SegmentAssignment.Override override = new SegmentAssignment.Override(UUID.randomUUID(), Segment.A,
                "Sponsor committed", "lead", Instant.parse("2026-07-01T10:00:00Z"), Instant.parse("2026-09-30T00:00:00Z"));
        client.state = client.state.withOverride(override);
        Evaluation set = client.run("2026-07-01T10:00:00Z", Trigger.OVERRIDE_SET);
        assertThat(set.letterChanged()).isTrue();
        assertThat(client.state.basis()).isEqualTo(Basis.OVERRIDE);
        assertThat(client.state.reason().code()).isEqualTo("OVERRIDE_SET");
        assertThat(client.state.computedSegment()).isEqualTo(Segment.C);
        assertThat(client.state.goalLevel()).isEqualTo("1.4");

        client.state = client.state.withOverride(null);
        Evaluation ended = client.run("2026-09-30T00:05:00Z", Trigger.OVERRIDE_EXPIRED);
        assertThat(ended.letterChanged()).isTrue();
        assertThat(client.state.segment()).isEqualTo(Segment.C);
        assertThat(client.state.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(client.state.reason().code()).isEqualTo("OVERRIDE_EXPIRED");
    }

    @Test
    void fallbackAfterAnOverrideIsHeldByAFreezeButNotByDwell() {
        ClientScenario client = quadrantC();
        client.state = client.state.withOverride(new SegmentAssignment.Override(UUID.randomUUID(), Segment.A, "r", "lead",
                Instant.parse("2026-07-01T10:00:00Z"), null));
        client.run("2026-07-01T10:00:00Z", Trigger.OVERRIDE_SET);
        client.negatives.add(new ClientSignals.NegativeEvent(ClientSignals.NegativeKind.ESCALATION,
                Instant.parse("2026-07-02T10:00:00Z"), null, null, "angry"));
        client.state = client.state.withOverride(null);
        Evaluation ended = client.run("2026-07-03T00:00:00Z", Trigger.OVERRIDE_REMOVED);
        assertThat(ended.letterChanged()).isFalse();
        assertThat(client.state.hold().heldBy()).isEqualTo(HeldBy.FREEZE);
        assertThat(client.state.segment()).isEqualTo(Segment.A);
    }

    @Test
    void policyChangeSkipsDwell() {
        ClientScenario client = new ClientScenario(Instant.parse("2025-12-01T00:00:00Z"));
        client.score("2026-01-05T00:00:00Z", "3.6", "3.6");
        client.score("2026-01-10T00:00:00Z", "3.6", "2.4");
        assertThat(client.state.hold().heldBy()).isEqualTo(HeldBy.DWELL);
        Evaluation e = client.run("2026-01-11T00:00:00Z", Trigger.POLICY);
        assertThat(e.letterChanged()).isTrue();
        assertThat(client.state.reason().code()).isEqualTo("POLICY_CHANGED");
    }
}
