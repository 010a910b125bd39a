package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AskedMeetingRuleTest {

    private static final Instant OPENED = Instant.parse("2026-09-14T16:00:00Z");

    @Test
    void theFiscalYearAndAssessmentCtasAreResolvedByTheirLinkedMeeting() {
        assertThat(AskedMeetingRule.resolves(CtaKind.LIFECYCLE, "T-FYE", "BUDGET_SESSION", OPENED, true,
                "BUDGET_SESSION", OPENED.plusSeconds(3600))).isTrue();
        assertThat(AskedMeetingRule.resolves(CtaKind.LIFECYCLE, "T-ASMT", "ROADMAP_REVIEW", OPENED, true,
                "ROADMAP_REVIEW", OPENED.plusSeconds(3600))).isTrue();
    }

    @Test
    void aMeetingOfTheAskedTypeResolvesOnlyWhenHeldOnceTheCtaWasOpen() {
        assertThat(AskedMeetingRule.resolves(CtaKind.LIFECYCLE, "T-ASMT", "ROADMAP_REVIEW", OPENED, false,
                "ROADMAP_REVIEW", OPENED)).isTrue();
        assertThat(AskedMeetingRule.resolves(CtaKind.LIFECYCLE, "T-ASMT", "ROADMAP_REVIEW", OPENED, false,
                "ROADMAP_REVIEW", OPENED.minusSeconds(1))).isFalse();
        assertThat(AskedMeetingRule.resolves(CtaKind.LIFECYCLE, "T-ASMT", "ROADMAP_REVIEW", OPENED, false,
                "QBR", OPENED.plusSeconds(60))).isFalse();
        // A segment-D fiscal-year CTA asks for no meeting, so only a linked one could resolve it.
        assertThat(AskedMeetingRule.resolves(CtaKind.LIFECYCLE, "T-FYE", null, OPENED, false,
                "BUDGET_SESSION", OPENED.plusSeconds(60))).isFalse();
    }

    @Test
    void lifecycleRulesTheCatalogueClosesOtherwiseAreNotResolvedByAMeeting() {
        // T-REN closes by people, T-INIT / T-NEW / T-SEG with their run (cadence.md §4.2).
        for (String rule : new String[] {"T-REN", "T-INIT", "T-NEW", "T-SEG"}) {
            assertThat(AskedMeetingRule.resolves(CtaKind.LIFECYCLE, rule, "KICKOFF", OPENED, true, "KICKOFF",
                    OPENED.plusSeconds(60))).as(rule).isFalse();
        }
        assertThat(AskedMeetingRule.resolves(CtaKind.ACTIVITY, "T-FYE", "BUDGET_SESSION", OPENED, true,
                "BUDGET_SESSION", OPENED.plusSeconds(60))).isFalse();
    }

    @Test
    void theDoneReasonNamesTheMeetingAndWhenItWasHeld() {
        UUID meeting = UUID.randomUUID();
        CtaReason reason = AskedMeetingRule.doneReason("T-FYE", 1, meeting, Instant.parse("2026-06-23T10:00:00Z"));
        assertThat(reason.code()).isEqualTo("MEETING_COUNTED");
        assertThat(reason.ruleId()).isEqualTo("T-FYE");
        assertThat(reason.inputs()).containsEntry("meetingId", meeting.toString())
                .containsEntry("heldAt", "2026-06-23T10:00:00Z");
        assertThat(AskedMeetingRule.meetingOf("T-ASMT")).isEqualTo("ROADMAP_REVIEW");
        assertThat(AskedMeetingRule.meetingOf("T-INIT")).isNull();
    }
}
