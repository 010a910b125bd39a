package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CadenceMissRulesTest {

    private final CadenceMissRules rules = new CadenceMissRules(CadencePolicy.defaults());
    private final UUID client = UUID.randomUUID();
    private final UUID dana = UUID.randomUUID();
    private final Owners owners = new Owners(Map.of(Role.CSM, new Owners.Assignment(dana, null)));

    private CadenceMissRules.Miss miss(String firedAt, String dueDate, int streak) {
        return new CadenceMissRules.Miss(client, UUID.randomUUID(), UUID.randomUUID(), "QBR", LocalDate.parse(dueDate),
                MissReason.NOT_SCHEDULED, streak, Instant.parse(firedAt), "timer:x");
    }

    @Test
    void e1RebookIsMediumForTheLineOwnerDueSevenDaysLaterMovedFromSaturdayToMonday() {
        CtaDraft rebook = rules.rebook(UUID.randomUUID(), miss("2026-04-25T00:00:00Z", "2026-04-10", 1), Role.CSM, owners);
        assertThat(rebook.kind()).isEqualTo(CtaKind.ACTIVITY);
        assertThat(rebook.reasonCode()).isEqualTo("MEETING_REBOOK");
        assertThat(rebook.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(rebook.owner().memberId()).isEqualTo(dana);
        assertThat(rebook.firstActionDueAt()).isEqualTo("2026-04-28T00:00:00Z");
        assertThat(rebook.dueAt()).isEqualTo("2026-05-04T17:00:00Z");
        assertThat(rebook.dedupeKey()).isEqualTo(client + ":T-MISS1:QBR");
    }

    @Test
    void e1ReengageAndReviewDates() {
        CtaDraft reengage = rules.reengage(UUID.randomUUID(), miss("2026-07-25T00:00:00Z", "2026-07-10", 2), Role.CSM, owners);
        assertThat(reengage.kind()).isEqualTo(CtaKind.AT_RISK);
        assertThat(reengage.priority()).isEqualTo(Priority.HIGH);
        assertThat(reengage.firstActionDueAt()).isEqualTo("2026-07-28T00:00:00Z");
        assertThat(reengage.dueAt()).isEqualTo("2026-08-03T17:00:00Z");
        assertThat(reengage.playbookKey()).isEqualTo("reengage");

        CtaDraft review = rules.review(UUID.randomUUID(), miss("2026-10-25T00:00:00Z", "2026-10-10", 3), owners);
        assertThat(review.owner().role()).isEqualTo(Role.CS_LEADER);
        assertThat(review.dueAt()).isEqualTo("2026-11-09T17:00:00Z");
    }

    @Test
    void theLadderStepsAtTwoAndThreeAndEscalationStopsAtCritical() {
        CadencePolicy.MissLadder ladder = CadencePolicy.defaults().missLadder();
        assertThat(MissLadder.step(1, ladder)).isEqualTo(MissLadder.Step.REBOOK);
        assertThat(MissLadder.step(2, ladder)).isEqualTo(MissLadder.Step.REENGAGE);
        assertThat(MissLadder.step(3, ladder)).isEqualTo(MissLadder.Step.CADENCE_REVIEW);
        assertThat(MissLadder.step(7, ladder)).isEqualTo(MissLadder.Step.CADENCE_REVIEW);
        assertThat(MissLadder.threshold(MissLadder.Step.REENGAGE, ladder)).isEqualTo(2);
        assertThat(Escalation.stepUp(Priority.MEDIUM)).isEqualTo(Priority.HIGH);
        assertThat(Escalation.stepUp(Priority.HIGH)).isEqualTo(Priority.CRITICAL);
        assertThat(Escalation.stepUp(Priority.CRITICAL)).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void theDefaultMatrixHasTheSpecLinesAndAnnualPlanningSatisfiesEveryLine() {
        CadencePolicy policy = CadencePolicy.defaults();
        assertThat(policy.linesOf("A")).extracting(LineSpec::meetingType)
                .containsExactly("STRATEGY_MEETING", "ROADMAP_REVIEW");
        assertThat(policy.linesOf(null)).extracting(LineSpec::meetingType).containsExactly("QBR");
        assertThat(policy.linesOf("D").get(0).ownerRole()).isEqualTo(Role.TAM);
        assertThat(policy.linesOf("A").get(0).satisfyingTypes())
                .containsExactly("STRATEGY_MEETING", "ROADMAP_REVIEW", "EXECUTIVE_QBR", "ANNUAL_STRATEGY_PLANNING");
        assertThat(policy.strategic("TACTICAL_SYNC")).isFalse();
    }
}
