package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedMovesTest {

    private static final Instant COMPLETED = Instant.parse("2026-12-09T15:00:00Z");

    private static ExpectedMoves.Move mfa(String baseline, String expected) {
        return new ExpectedMoves.Move(UUID.randomUUID(), "MFA", new BigDecimal(expected),
                baseline == null ? null : new BigDecimal(baseline), COMPLETED);
    }

    private static ExpectedMoves.CycleReading cycle(String at, String mfa) {
        return new ExpectedMoves.CycleReading(Instant.parse(at), mfa == null ? Map.of() : Map.of("MFA", new BigDecimal(mfa)));
    }

    @Test
    void theFirstCycleThirtyDaysLaterDecidesMetOrMissed() {
        List<ExpectedMoves.CycleReading> cycles = List.of(cycle("2027-01-01T00:00:00Z", "0.80"),
                cycle("2027-02-01T00:00:00Z", "0.63"), cycle("2027-03-01T00:00:00Z", "0.90"));

        ExpectedMoves.Verdict missed = ExpectedMoves.evaluate(mfa("0.55", "10"), cycles);
        assertThat(missed.status()).isEqualTo(ExpectedMoves.Status.MISSED);
        assertThat(missed.actualPoints()).isEqualByComparingTo("8.00");
        assertThat(missed.measuredAt()).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));

        ExpectedMoves.Verdict met = ExpectedMoves.evaluate(mfa("0.55", "8"), cycles);
        assertThat(met.status()).isEqualTo(ExpectedMoves.Status.MET);
    }

    @Test
    void aMoveStaysPendingBeforeThirtyDaysWithoutAValueOrWithoutABaseline() {
        assertThat(ExpectedMoves.evaluate(mfa("0.55", "8"), List.of(cycle("2027-01-01T00:00:00Z", "0.90"))).status())
                .isEqualTo(ExpectedMoves.Status.PENDING);
        assertThat(ExpectedMoves.evaluate(mfa("0.55", "8"), List.of(cycle("2027-02-01T00:00:00Z", null))).status())
                .isEqualTo(ExpectedMoves.Status.PENDING);
        assertThat(ExpectedMoves.evaluate(mfa(null, "8"), List.of(cycle("2027-02-01T00:00:00Z", "0.90"))).status())
                .isEqualTo(ExpectedMoves.Status.PENDING);
    }
}
