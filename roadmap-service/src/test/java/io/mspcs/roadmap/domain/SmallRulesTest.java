package io.mspcs.roadmap.domain;

import io.mspcs.roadmap.domain.AssessmentScore.Answer;
import io.mspcs.roadmap.domain.AssessmentScore.ItemPriority;
import io.mspcs.roadmap.domain.AssessmentScore.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small calculations of roadmap.md: score, pricing, planning window, credit, deferral, pipeline rates. */
class SmallRulesTest {

    @Test
    void exampleE5ScoresFiftyThreePointSixAndPricesSevenThousandOneHundredTwentyFive() {
        BigDecimal score = AssessmentScore.of(List.of(
                new Response(ItemPriority.HIGH, Answer.ALIGNED),
                new Response(ItemPriority.HIGH, Answer.VULNERABLE),
                new Response(ItemPriority.MEDIUM, Answer.MARGINAL),
                new Response(ItemPriority.LOW, Answer.ALIGNED),
                new Response(ItemPriority.LOW, Answer.NOT_APPLICABLE)));

        assertThat(score).isEqualByComparingTo("53.6");
        assertThat(new Pricing(new BigDecimal("1500.00"), new BigDecimal("75.00"), "DEVICE", BigDecimal.valueOf(75))
                .oneTime()).isEqualByComparingTo("7125.00");
        assertThat(AssessmentScore.of(List.of(new Response(ItemPriority.HIGH, Answer.NOT_APPLICABLE)))).isNull();
    }

    @Test
    void planningWindowOfExampleE4RunsFrom2027Q1To2031Q4() {
        Quarter current = new FiscalCalendar(6).quarterOf(LocalDate.of(2026, 9, 5));
        PlanningWindow window = PlanningWindow.startingAt(current);

        assertThat(window.from()).hasToString("2027-Q1");
        assertThat(window.to()).hasToString("2031-Q4");
        assertThat(window.contains(Quarter.parse("2026-Q4"))).isFalse();
        assertThat(window.contains(Quarter.parse("2032-Q1"))).isFalse();
        assertThat(window.contains(Quarter.parse("2031-Q4"))).isTrue();
    }

    @Test
    void stabilityWorkEarnsNoCreditAndOverridesVoidIt() {
        assertThat(Credit.evaluate(true, true, true, false, false).reasons()).containsExactly("STABILITY_WORK");
        assertThat(Credit.evaluate(true, true, false, true, false).reasons()).containsExactly("GATE_OVERRIDDEN");
        assertThat(Credit.evaluate(true, true, false, false, false).eligible()).isTrue();
    }

    @Test
    void deferralGoesAfterTheLaterOfOwnAndCurrentQuarter() {
        Quarter current = Quarter.parse("2027-Q2");
        assertThat(Deferral.nextQuarter(Quarter.parse("2027-Q3"), current)).hasToString("2027-Q4");
        assertThat(Deferral.nextQuarter(Quarter.parse("2027-Q1"), current)).hasToString("2027-Q3");
        assertThat(DeclineReason.BUDGET.deferTo(Quarter.parse("2027-Q3"), current, null)).hasToString("2028-Q1");
        assertThat(DeclineReason.TIMING.deferTo(Quarter.parse("2027-Q3"), current, Quarter.parse("2027-Q4")))
                .hasToString("2027-Q4");
        assertThat(DeclineReason.SCOPE.initiativesGoTo()).isEqualTo(InitiativeState.INTERNAL_REVIEW);
        assertThat(DeclineReason.COMPETITOR.initiativesGoTo()).isEqualTo(InitiativeState.REJECTED);
    }

    @Test
    void pipelineRatesOfThreeAcceptedTwoDeclinedOneUnexplainedAutoClose() {
        PipelineOutcomes outcomes = new PipelineOutcomes(3, 2, 1, 2);

        assertThat(outcomes.winRatePct()).isEqualByComparingTo("50.0");
        assertThat(outcomes.declineReasonCapturedPct()).isEqualByComparingTo("66.7");
    }
}
