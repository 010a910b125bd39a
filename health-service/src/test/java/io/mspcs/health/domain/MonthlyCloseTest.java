package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyCloseTest {

    private static MonthlyClose close(String month, Color engagement, MonthlyClose latest) {
        return MonthlyClose.close(YearMonth.parse(month), engagement == null ? Map.of()
                : Map.of("ENGAGEMENT", engagement, "CX", Color.GREEN), latest);
    }

    @Test
    void aDimensionRedAtThreeClosesInARowCountsOneTwoThree() {
        MonthlyClose first = close("2026-09", Color.RED, null);
        MonthlyClose second = close("2026-10", Color.RED, first);
        MonthlyClose third = close("2026-11", Color.RED, second);

        assertThat(first.consecutiveReds().get("ENGAGEMENT")).isEqualTo(1);
        assertThat(second.consecutiveReds().get("ENGAGEMENT")).isEqualTo(2);
        assertThat(third.consecutiveReds().get("ENGAGEMENT")).isEqualTo(3);
        assertThat(third.consecutiveReds().get("CX")).isZero();
        assertThat(third.colors()).containsEntry("ENGAGEMENT", Color.RED).containsEntry("CX", Color.GREEN)
                .doesNotContainKey("ADOPTION");
    }

    /** ENGAGEMENT's consecutiveReds at the November close after a RED September and {@code october}. */
    private static int novemberRedsAfter(Color october) {
        MonthlyClose september = close("2026-09", Color.RED, null);
        return close("2026-11", Color.RED, close("2026-10", october, september)).consecutiveReds().get("ENGAGEMENT");
    }

    @Test
    void aMonthWithoutAColourNeitherCountsNorBreaksTheRun() {
        MonthlyClose colourless = close("2026-10", null, close("2026-09", Color.RED, null));

        assertThat(colourless.consecutiveReds().get("ENGAGEMENT")).as("not RED now").isZero();
        assertThat(novemberRedsAfter(null)).isEqualTo(2);
    }

    @Test
    void anotherColourBreaksTheRun() {
        assertThat(novemberRedsAfter(Color.YELLOW)).isEqualTo(1);
    }

    @Test
    void aColourChangeToRedCountsTheRunEndingWithTheLatestClose() {
        MonthlyClose twoReds = close("2026-10", Color.RED, close("2026-09", Color.RED, null));

        assertThat(MonthlyClose.consecutiveReds(Color.RED, twoReds, "ENGAGEMENT")).isEqualTo(3);
        assertThat(MonthlyClose.consecutiveReds(Color.RED, null, "ENGAGEMENT")).as("no close yet").isEqualTo(1);
        assertThat(MonthlyClose.consecutiveReds(Color.YELLOW, twoReds, "ENGAGEMENT")).isZero();
    }
}
