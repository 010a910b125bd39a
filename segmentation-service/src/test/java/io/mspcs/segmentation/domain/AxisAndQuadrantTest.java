package io.mspcs.segmentation.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** segmentation.md §8 E1 and E2. */
class AxisAndQuadrantTest {

    private final SegmentationPolicy policy = SegmentationPolicy.defaults();

    private static Map<String, BigDecimal> scores(Object... pairs) {
        Map<String, BigDecimal> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return map;
    }

    @Test
    void e1MaturityAndAppetiteFromDimensionScores() {
        var dims = scores("CX", 20, "ADOPTION", 80, "ENGAGEMENT", 20, "SERVICE_QUALITY", 80, "ALIGNMENT", 50);
        AxisScore maturity = AxisScore.of(policy.axes().maturityWeights(), dims).orElseThrow();
        AxisScore appetite = AxisScore.of(policy.axes().appetiteWeights(), dims).orElseThrow();
        assertThat(maturity.index()).isEqualByComparingTo("65.0");
        assertThat(maturity.value()).isEqualByComparingTo("3.6");
        assertThat(appetite.index()).isEqualByComparingTo("35.0");
        assertThat(appetite.value()).isEqualByComparingTo("2.4");
        assertThat(maturity.contributions().get(0).points()).isEqualByComparingTo("32.0");
    }

    @Test
    void e1MissingDimensionDropsOutAndWeightsRenormalise() {
        var dims = scores("CX", 20, "ENGAGEMENT", 20, "SERVICE_QUALITY", 80, "ALIGNMENT", 50);
        AxisScore maturity = AxisScore.of(policy.axes().maturityWeights(), dims).orElseThrow();
        assertThat(maturity.index()).isEqualByComparingTo("55.0");
        assertThat(maturity.value()).isEqualByComparingTo("3.2");
    }

    @Test
    void axisWithFewerThanTwoDimensionsIsUnknown() {
        assertThat(AxisScore.of(policy.axes().maturityWeights(), scores("ADOPTION", 90))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"3.6, 2.4, C, 1.2", "4.2, 4.4, A, 1.5", "4.2, 3.9, A, 1.4", "2.5, 3.5, B, 1.3", "2.9, 2.9, D, 1.1"})
    void e1FirstScoresGiveQuadrantAndGoalLevel(String maturity, String appetite, Segment segment, String goal) {
        BigDecimal m = new BigDecimal(maturity);
        BigDecimal a = new BigDecimal(appetite);
        BigDecimal threshold = policy.axes().highThreshold();
        BigDecimal margin = policy.axes().hysteresisMargin();
        Segment quadrant = Segment.of(Level.next(null, m, threshold, margin), Level.next(null, a, threshold, margin));
        assertThat(quadrant).isEqualTo(segment);
        assertThat(SegmentAssignment.goalLevel(quadrant, m, a, policy.axes().innovationThreshold())).isEqualTo(goal);
    }

    @Test
    void overriddenAWithoutAxesHasGoalLevelOnePointFour() {
        assertThat(SegmentAssignment.goalLevel(Segment.A, null, null, new BigDecimal("4.0"))).isEqualTo("1.4");
    }

    @ParameterizedTest
    @CsvSource({"LOW, 3.1, LOW", "LOW, 3.2, HIGH", "HIGH, 2.8, HIGH", "HIGH, 2.7, LOW", ", 3.0, HIGH", ", 2.9, LOW"})
    void hysteresisNeedsTheMarginToFlip(Level previous, String value, Level expected) {
        assertThat(Level.next(previous, new BigDecimal(value), new BigDecimal("3.0"), new BigDecimal("0.2"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"12000.00, VIP", "10000.00, VIP", "9999.99, HIGH", "5000.00, HIGH", "2500.00, MID", "2499.99, LOW", "0.00, LOW"})
    void e2FixedBandsHaveInclusiveLowerBounds(String mrr, MrrBand band) {
        assertThat(MrrBand.fixed(new BigDecimal(mrr), policy.mrrBands())).isEqualTo(band);
    }
}
