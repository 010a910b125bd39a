package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Rule AD-T9 with the numbers of cadence.md §9 E3 and events.md §7. */
class DmiDropRuleTest {

    private static final UUID CLIENT = UUID.fromString("c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601");
    private static final UUID DANA = UUID.fromString("2f9e8d7c-6b5a-4c3d-9e1f-0a1b2c3d4e5f");
    private static final UUID S1 = UUID.fromString("3e7a1c90-55b2-4f1d-8c3e-9a0b1c2d3e4f");
    private static final UUID S2 = UUID.fromString("91bc0000-0000-4000-8000-000000000002");
    private static final UUID DROP_EVENT = UUID.fromString("0b8e2f4a-6c1d-4e3b-9a57-1f2d3c4b5a60");
    private static final UUID CTA = UUID.fromString("4b1e6f2a-7c3d-4e8f-9a0b-1c2d3e4f5a6b");

    private static final BigDecimal REFERENCE = new BigDecimal("74.0");
    private static final Instant NEWEST_CAUSE = Instant.parse("2026-11-26T09:00:00Z");

    private final DmiDropRule rule = new DmiDropRule(new SlaCalculator(WorkingCalendar.DEFAULT));

    private static DmiDrop drop(UUID snapshot, String previous, String dmi, String time, Segment segment) {
        return new DmiDrop(DROP_EVENT, "health.DmiDropped.v1", Instant.parse(time), "5f3c9e1a-corr", CLIENT, snapshot,
                new BigDecimal(dmi), new BigDecimal(previous), segment);
    }

    private static DmiDrop e3FirstDrop() {
        return drop(S1, "74.0", "61.5", "2026-11-20T14:03:12.481Z", Segment.C);
    }

    @Test
    void opensTheE3CtaWithItsOwnerDatesAndReason() {
        Owners owners = new Owners(Map.of(Role.CSM, new Owners.Assignment(DANA, null)));
        CtaDraft cta = rule.open(CTA, e3FirstDrop(), Optional.of(Segment.C), owners,
                Instant.parse("2026-11-20T14:03:13.112Z"));

        assertThat(cta.kind()).isEqualTo(CtaKind.REMEDIATION);
        assertThat(cta.reasonCode()).isEqualTo("DMI_DROP");
        assertThat(cta.priority()).isEqualTo(Priority.HIGH);
        assertThat(cta.source()).isEqualTo(CtaSource.RULE);
        assertThat(cta.title()).isEqualTo("DMI dropped 12.5 points: resequence roadmap, add quick wins");
        assertThat(cta.owner()).isEqualTo(new ResolvedOwner(Role.CSM, DANA, null, OwnerResolution.OWNER));
        assertThat(cta.dedupeKey()).isEqualTo("c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f601:AD-T9");
        assertThat(cta.slaStartAt()).isEqualTo("2026-11-20T14:03:13Z");
        assertThat(cta.firstActionDueAt()).isEqualTo("2026-11-23T14:03:13Z");
        assertThat(cta.dueAt()).isEqualTo("2026-11-27T17:00:00Z");
        assertThat(cta.notification()).isEqualTo(Notification.IMMEDIATE);
        assertThat(cta.playbookKey()).isEqualTo("dmi-resequence");
        assertThat(cta.referenceValue()).isEqualByComparingTo("74.0");
        assertThat(cta.reason().ruleId()).isEqualTo("AD-T9");
        assertThat(cta.reason().ruleVersion()).isEqualTo(1);
        assertThat(cta.reason().text()).isEqualTo("DMI dropped from 74.0 to 61.5");
        assertThat(cta.reason().inputs()).containsExactly(entry("dmi", new BigDecimal("61.5")),
                entry("previousDmi", new BigDecimal("74.0")), entry("segment", "C"));
        assertThat(cta.firstCause()).isEqualTo(new Cause(DROP_EVENT, "health.DmiDropped.v1",
                Instant.parse("2026-11-20T14:03:12.481Z"), "snapshot:" + S1, "5f3c9e1a-corr", "74.0 → 61.5"));
    }

    @Test
    void namesTheDropWithUpToTwoDecimals() {
        assertThat(DmiDropRule.title(drop(S1, "75.45", "62.5", "2026-11-20T14:00:00Z", null)))
                .isEqualTo("DMI dropped 12.95 points: resequence roadmap, add quick wins");
        assertThat(DmiDropRule.title(drop(S1, "70", "60", "2026-11-20T14:00:00Z", null)))
                .isEqualTo("DMI dropped 10.0 points: resequence roadmap, add quick wins")
                .hasSizeLessThanOrEqualTo(140);
    }

    @Test
    void leavesTheCtaUnassignedWhenTheClientHasNoOwners() {
        CtaDraft cta = rule.open(CTA, e3FirstDrop(), Optional.empty(), Owners.NONE, Instant.parse("2026-11-20T14:03:13Z"));
        assertThat(cta.owner()).isEqualTo(new ResolvedOwner(Role.CSM, null, null, OwnerResolution.UNASSIGNED));
        assertThat(cta.reason().inputs()).containsEntry("segment", null);
    }

    @Test
    void firesFromTenPointsOn() {
        assertThat(DmiDropRule.fires(drop(S1, "70.0", "60.0", "2026-11-20T14:00:00Z", null))).isTrue();
        assertThat(DmiDropRule.fires(drop(S1, "70.0", "60.1", "2026-11-20T14:00:00Z", null))).isFalse();
    }

    @Test
    void keysCausesBySnapshot() {
        assertThat(DmiDropRule.causeKey(S1)).isEqualTo("snapshot:3e7a1c90-55b2-4f1d-8c3e-9a0b1c2d3e4f");
    }

    @Test
    void ownerIsTheVcioForHighTouchSegmentsAndTheCsmOtherwise() {
        assertThat(DmiDropRule.ownerRole(Optional.of(Segment.A))).isEqualTo(Role.VCIO);
        assertThat(DmiDropRule.ownerRole(Optional.of(Segment.B))).isEqualTo(Role.VCIO);
        assertThat(DmiDropRule.ownerRole(Optional.of(Segment.C))).isEqualTo(Role.CSM);
        assertThat(DmiDropRule.ownerRole(Optional.of(Segment.D))).isEqualTo(Role.CSM);
        assertThat(DmiDropRule.ownerRole(Optional.empty())).isEqualTo(Role.CSM);
    }

    @Test
    void takesTheSegmentFromSegmentationBeforeTheOneHealthUsed() {
        DmiDrop saysC = drop(S1, "74.0", "61.5", "2026-11-20T14:00:00Z", Segment.C);
        assertThat(DmiDropRule.segmentFor(Optional.of(Segment.A), saysC)).contains(Segment.A);
        assertThat(DmiDropRule.segmentFor(Optional.empty(), saysC)).contains(Segment.C);
        assertThat(DmiDropRule.segmentFor(Optional.empty(), drop(S1, "74.0", "61.5", "2026-11-20T14:00:00Z", null)))
                .isEmpty();
    }

    @Test
    void repeatsRefreshTheInputsButKeepTheFirstReference() {
        DmiDrop second = drop(S2, "61.5", "50.0", "2026-11-26T09:00:00Z", Segment.C);
        CtaReason reason = DmiDropRule.repeatedReason(second, new BigDecimal("74.0"), Optional.of(Segment.C));
        assertThat(reason.inputs()).containsExactly(entry("dmi", new BigDecimal("50.0")),
                entry("previousDmi", new BigDecimal("74.0")), entry("segment", "C"));
        assertThat(reason.text()).isEqualTo("DMI dropped from 74.0 to 50.0");
        assertThat(DmiDropRule.cause(second).summary()).isEqualTo("61.5 → 50.0");
        assertThat(DmiDropRule.cause(second).causeKey()).isEqualTo("snapshot:" + S2);
    }


    @Test
    void staysOpenBelowTheReferenceMinusTwo() {
        assertThat(DmiDropRule.clearing(REFERENCE, NEWEST_CAUSE, new BigDecimal("71.0"),
                Instant.parse("2026-12-15T09:00:00Z"))).isEqualTo(ClearingDecision.STILL_RAISED);
        assertThat(DmiDropRule.clearing(REFERENCE, NEWEST_CAUSE, new BigDecimal("71.99"),
                Instant.parse("2026-12-15T09:00:00Z"))).isEqualTo(ClearingDecision.STILL_RAISED);
    }

    @Test
    void clearsAtTheReferenceMinusTwoOrAbove() {
        assertThat(DmiDropRule.clearing(REFERENCE, NEWEST_CAUSE, new BigDecimal("72.0"),
                Instant.parse("2027-01-15T09:00:00Z"))).isEqualTo(ClearingDecision.CLEARED);
        assertThat(DmiDropRule.clearing(REFERENCE, NEWEST_CAUSE, new BigDecimal("72.5"),
                Instant.parse("2027-01-15T09:00:00Z"))).isEqualTo(ClearingDecision.CLEARED);
    }

    @Test
    void ignoresAMeasurementOlderThanTheNewestCause() {
        assertThat(DmiDropRule.clearing(REFERENCE, NEWEST_CAUSE, new BigDecimal("80.0"),
                Instant.parse("2026-11-26T08:59:59.999Z"))).isEqualTo(ClearingDecision.STALE);
    }

    @Test
    void explainsTheAutoClose() {
        UUID clearing = UUID.fromString("f3303073-4315-4c0a-bbf6-ba85cb6f67d7");
        CtaReason reason = DmiDropRule.clearedReason(clearing, new BigDecimal("72.5"), REFERENCE);
        assertThat(reason.code()).isEqualTo("CONDITION_CLEARED");
        assertThat(reason.text()).isEqualTo("DMI back at 72.5, within 2 points of the 74.0 reference");
        assertThat(reason.inputs()).containsExactly(entry("clearingEventId", clearing.toString()),
                entry("dmi", new BigDecimal("72.5")), entry("referenceDmi", REFERENCE));
    }
}
