package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** health.md §5.3: no change, no record; colour events against the last non-null colour. */
class ScoreChangeTest {

    private static final BigDecimal DELTA = new BigDecimal("0.5");

    private static DimensionScore dimension(Dimension dimension, String score, Color color) {
        return new DimensionScore(dimension, score == null ? null : new BigDecimal(score), color,
                dimension.label(color), score != null, "BANDS", BigDecimal.ONE, null, "C", "", List.of(), List.of(),
                List.of());
    }

    private static HealthScore score(String engagement, Color engagementColor, String composite, Color compositeColor) {
        List<DimensionScore> dimensions = new ArrayList<>();
        dimensions.add(dimension(Dimension.CX, "80.00", Color.YELLOW));
        dimensions.add(dimension(Dimension.ADOPTION, "76.56", Color.GREEN));
        dimensions.add(dimension(Dimension.ENGAGEMENT, engagement, engagementColor));
        dimensions.add(dimension(Dimension.SERVICE_QUALITY, "82.40", Color.GREEN));
        dimensions.add(dimension(Dimension.ALIGNMENT, "79.50", Color.GREEN));
        return new HealthScore(dimensions, composite == null ? null : new BigDecimal(composite), compositeColor,
                composite != null, 5, "C", null);
    }

    @Test
    void aMoveBelowHalfAPointWithTheSameColoursIsNotMaterial() {
        HealthScore first = score("53.00", Color.RED, "70.00", Color.GREEN);
        ScoreSummary summary = ScoreChange.summarise(first, 1, 3, null);
        assertThat(ScoreChange.material(summary, score("53.40", Color.RED, "70.08", Color.GREEN), 1, 3, DELTA)).isFalse();
        assertThat(ScoreChange.material(summary, score("53.50", Color.RED, "70.10", Color.GREEN), 1, 3, DELTA)).isTrue();
        assertThat(ScoreChange.material(summary, first, 2, 3, DELTA)).as("new model version").isTrue();
        assertThat(ScoreChange.material(null, first, 1, 3, DELTA)).as("first score").isTrue();
    }

    @Test
    void e6RedToYellowEmitsOneTransitionWithThePreviousScore() {
        ScoreSummary red = ScoreChange.summarise(score("53.00", Color.RED, "70.00", Color.GREEN), 1, 3, null);
        List<ScoreChange.Transition> transitions = ScoreChange.transitions(red, score("57.10", Color.YELLOW, "70.80", Color.GREEN));
        assertThat(transitions).hasSize(1);
        assertThat(transitions.get(0).dimension()).isEqualTo("ENGAGEMENT");
        assertThat(transitions.get(0).previousColor()).isEqualTo(Color.RED);
        assertThat(transitions.get(0).previousScore()).isEqualByComparingTo("53.00");
        assertThat(transitions.get(0).score()).isEqualByComparingTo("57.10");
    }

    @Test
    void redThenNoColourThenRedIsSilentButRedThenNoColourThenGreenEmitsRedToGreen() {
        ScoreSummary red = ScoreChange.summarise(score("53.00", Color.RED, "70.00", Color.GREEN), 1, 3, null);
        HealthScore none = score(null, null, "70.00", Color.GREEN);
        assertThat(ScoreChange.transitions(red, none)).isEmpty();
        ScoreSummary afterNone = ScoreChange.summarise(none, 1, 3, red);
        assertThat(ScoreChange.transitions(afterNone, score("53.00", Color.RED, "70.00", Color.GREEN))).isEmpty();
        List<ScoreChange.Transition> toGreen = ScoreChange.transitions(afterNone, score("85.00", Color.GREEN, "72.00", Color.GREEN));
        assertThat(toGreen).extracting(ScoreChange.Transition::previousColor).containsExactly(Color.RED);
    }

    @Test
    void theFirstColourOfEachDimensionHasNoPreviousColourAndCompositeComesLast() {
        List<ScoreChange.Transition> first = ScoreChange.transitions(null, score("76.25", Color.GREEN, "78.94", Color.GREEN));
        assertThat(first).extracting(ScoreChange.Transition::dimension)
                .containsExactly("CX", "ADOPTION", "ENGAGEMENT", "SERVICE_QUALITY", "ALIGNMENT", "COMPOSITE");
        assertThat(first).allSatisfy(t -> assertThat(t.previousColor()).isNull());
    }
}
