package io.mspcs.roadmap.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoadmapPolicyTest {

    private static final RoadmapPolicy DEFAULT = RoadmapPolicy.DEFAULT;

    @Test
    void theDefaultPolicyIsValidAndWarnsOnTheBudgetEnvelope() {
        assertThat(DEFAULT.violations(DEFAULT)).isEmpty();
        assertThat(DEFAULT.blocksOverEnvelope()).isFalse();
        assertThat(DEFAULT.version()).isEqualTo(1);
    }

    @Test
    void lanesMayBeAddedButNeverRemoved() {
        RoadmapPolicy added = new RoadmapPolicy(0, List.of("STABILITY", "EFFICIENCY", "GROWTH", "COMPLIANCE"),
                DEFAULT.agingBucketStartDays(), true, "06:00", 60, true, 30, 60, "BLOCK", 4, 2, DEFAULT.calibration());
        assertThat(added.violations(DEFAULT)).isEmpty();
        assertThat(added.blocksOverEnvelope()).isTrue();
        assertThat(added.sameRulesAs(DEFAULT)).isFalse();

        RoadmapPolicy removed = new RoadmapPolicy(0, List.of("STABILITY"), DEFAULT.agingBucketStartDays(), true,
                "06:00", 60, true, 30, 60, "WARN", 4, 2, DEFAULT.calibration());
        assertThat(removed.violations(DEFAULT)).extracting(RoadmapPolicy.Violation::code)
                .containsExactly("lane-removed");
    }

    @Test
    void bucketsMustAscendAndALapseComesAfterStaleness() {
        RoadmapPolicy bad = new RoadmapPolicy(0, DEFAULT.lanes(), List.of(31, 15, 61), true, "6am", 0, true, 60, 30,
                "WARN", 4, 2, DEFAULT.calibration());
        assertThat(bad.violations(DEFAULT)).extracting(RoadmapPolicy.Violation::field)
                .containsExactly("agingBucketStartDays", "sweepTime", "proposalValidityDays", "preApprovalLapsedDays");
    }

    @Test
    void aSaveThatChangesNothingIsRecognisedWhateverTheVersion() {
        assertThat(DEFAULT.withVersion(7).sameRulesAs(DEFAULT)).isTrue();
    }
}
