package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BandTest {

    private static final BigDecimal MARGIN = new BigDecimal("2.0");
    private final Band segmentC = Band.of("70", "55");

    private Color color(String score, Color from) {
        return segmentC.colorOf(new BigDecimal(score), from, MARGIN);
    }

    @Test
    void lowerBoundsAreInclusive() {
        assertThat(segmentC.colorOf(new BigDecimal("70.00"))).isEqualTo(Color.GREEN);
        assertThat(segmentC.colorOf(new BigDecimal("69.99"))).isEqualTo(Color.YELLOW);
        assertThat(segmentC.colorOf(new BigDecimal("55.00"))).isEqualTo(Color.YELLOW);
        assertThat(segmentC.colorOf(new BigDecimal("54.99"))).isEqualTo(Color.RED);
    }

    @Test
    void leavingRedNeedsTwoPointsAboveTheRedLineAsInWorkedExampleE6() {
        assertThat(color("56.00", Color.RED)).isEqualTo(Color.RED);
        assertThat(color("57.10", Color.RED)).isEqualTo(Color.YELLOW);
    }

    @Test
    void reachingGreenNeedsTwoPointsAboveTheGreenLine() {
        assertThat(color("71.99", Color.YELLOW)).isEqualTo(Color.YELLOW);
        assertThat(color("72.00", Color.YELLOW)).isEqualTo(Color.GREEN);
        assertThat(color("71.00", Color.RED)).as("from RED, a GREEN score short of the margin is YELLOW").isEqualTo(Color.YELLOW);
        assertThat(color("72.00", Color.RED)).isEqualTo(Color.GREEN);
    }

    @Test
    void worseningIsImmediate() {
        assertThat(color("69.99", Color.GREEN)).isEqualTo(Color.YELLOW);
        assertThat(color("54.99", Color.GREEN)).isEqualTo(Color.RED);
        assertThat(color("54.99", Color.YELLOW)).isEqualTo(Color.RED);
    }

    @Test
    void withoutAPreviousColourTheBandDecides() {
        assertThat(color("70.00", null)).isEqualTo(Color.GREEN);
    }

    @Test
    void refusesABandWhoseRedLineIsNotBelowItsGreenLine() {
        assertThatThrownBy(() -> Band.of("50", "50")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void provisionalOrUnknownSegmentsUseTheStandardProfile() {
        assertThat(BandProfile.of("C", false)).isEqualTo(BandProfile.C);
        assertThat(BandProfile.of("C", true)).isEqualTo(BandProfile.STANDARD);
        assertThat(BandProfile.of(null, false)).isEqualTo(BandProfile.STANDARD);
        assertThat(BandProfile.of("E", false)).isEqualTo(BandProfile.STANDARD);
    }
}
