package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** cadence.md §9 E6: AR-RED (zone UTC, Mon–Fri 08:00–17:00). */
class AtRiskRuleTest {

    private static final SlaCalculator SLA = new SlaCalculator(WorkingCalendar.DEFAULT);
    private static final Instant RED_AT = Instant.parse("2026-06-02T15:30:00Z");
    private static final UUID CLIENT = UUID.randomUUID();

    @Test
    void e6SegmentAIsHighWithAFourBusinessHourAcknowledgementAndDueInThirtyDays() {
        RuleCta cta = AtRiskRule.cta(CLIENT, Optional.of(Segment.A), "MID", "YELLOW", RED_AT, SLA);

        assertThat(cta.kind()).isEqualTo(CtaKind.AT_RISK);
        assertThat(cta.reasonCode()).isEqualTo("COLOR_RED");
        assertThat(cta.priority()).isEqualTo(Priority.HIGH);
        assertThat(cta.ownerRole()).isEqualTo(Role.CSM);
        assertThat(cta.firstActionDueAt()).isEqualTo(Instant.parse("2026-06-03T10:30:00Z")); // 1.5 h + 2.5 h
        assertThat(cta.dueAt()).isEqualTo(Instant.parse("2026-07-02T17:00:00Z"));
        assertThat(cta.playbookKey()).isEqualTo("at-risk");
        assertThat(cta.meetingType()).isEqualTo("RESET_CALL");
        assertThat(cta.inputs()).containsEntry("baselineColor", "YELLOW");
        assertThat(cta.dedupeKey()).isEqualTo(CLIENT + ":AR-RED");
    }

    @Test
    void e6SegmentCInBandMidIsMediumWithAcknowledgementByTheNextBusinessDay() {
        RuleCta cta = AtRiskRule.cta(CLIENT, Optional.of(Segment.C), "MID", "YELLOW", RED_AT, SLA);

        assertThat(cta.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(cta.firstActionDueAt()).isEqualTo(Instant.parse("2026-06-03T17:00:00Z"));
    }

    @Test
    void aVipOrHighBandMakesALowerSegmentHighValue() {
        assertThat(AtRiskRule.highValue(Optional.of(Segment.C), "VIP")).isTrue();
        assertThat(AtRiskRule.highValue(Optional.of(Segment.D), "HIGH")).isTrue();
        assertThat(AtRiskRule.highValue(Optional.empty(), null)).isFalse();
    }

    @Test
    void segmentDIsOwnedByTheTam() {
        assertThat(AtRiskRule.cta(CLIENT, Optional.of(Segment.D), "LOW", null, RED_AT, SLA).ownerRole()).isEqualTo(Role.TAM);
    }

    @Test
    void theBaselineIsThePreviousColourOrGreenAndOnlyAtOrAboveItCounts() {
        assertThat(AtRiskRule.baseline(null)).isEqualTo("GREEN");
        assertThat(AtRiskRule.atOrAbove("YELLOW", "YELLOW")).isTrue();
        assertThat(AtRiskRule.atOrAbove("GREEN", "YELLOW")).isTrue();
        assertThat(AtRiskRule.atOrAbove("YELLOW", "GREEN")).isFalse();
        assertThat(AtRiskRule.atOrAbove("RED", "YELLOW")).isFalse();
    }

    @Test
    void e6YellowOnJune24ClosesThirtyDaysLaterToTheMinute() {
        assertThat(AtRiskRule.exitAt(Instant.parse("2026-06-24T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-24T09:00:00Z"));
    }
}
