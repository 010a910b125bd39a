package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T14:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Duration MANUAL_C = Duration.ofDays(210);

    private static Instant next(Instant registeredAt, List<SignalFact> signals, List<CoverageReading> coverage,
                                HealthFacts engagement, List<Instant> expiries) {
        return ReviewSchedule.next(NOW, UTC, registeredAt, signals, coverage, MANUAL_C, engagement, expiries);
    }

    @Test
    void withoutTimedInputsTheNextReviewIsTheCycleClose() {
        assertThat(next(null, List.of(), List.of(), HealthFacts.none(null), List.of()))
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aBackupWithoutSuccessIsReviewedWhenItsLastSuccessTurns72HoursOld() {
        SignalFact backup = new SignalFact("b", "ninjaone", "BACKUP_RESULT", NOW.minus(Duration.ofHours(2)),
                NOW.minus(Duration.ofHours(2)), NOW, Map.of("lastSuccessAt", "2026-11-19T08:00:00Z"));

        assertThat(next(null, List.of(backup), List.of(), HealthFacts.none(null), List.of()))
                .isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Test
    void aComplaintIsReviewedWhenItLeavesTheThirtyDayWindow() {
        SignalFact complaint = new SignalFact("c", "manual", "COMPLAINT", Instant.parse("2026-11-15T14:00:00Z"),
                Instant.parse("2026-11-15T14:00:00Z"), NOW, Map.of());

        assertThat(next(null, List.of(complaint), List.of(), HealthFacts.none(null), List.of()))
                .isEqualTo(Instant.parse("2026-11-22T14:00:00Z"));
    }

    @Test
    void aClientWithoutSponsorContactIsReviewedWhenItsRegistrationTurns120DaysOld() {
        // 120 days after 08-15 lie beyond the cycle close, which comes first
        assertThat(next(Instant.parse("2026-08-15T10:00:00Z"), List.of(), List.of(), HealthFacts.none(null), List.of()))
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(next(Instant.parse("2026-07-25T10:00:00Z"), List.of(), List.of(), HealthFacts.none(null), List.of()))
                .isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void anOverrideExpiryAndCoverageAgeArePlannedAndPastInstantsIgnored() {
        CoverageReading old = new CoverageReading("MFA", new java.math.BigDecimal("0.5"),
                Instant.parse("2026-05-01T00:00:00Z"), "manual");
        Instant expiry = Instant.parse("2026-11-25T00:00:00Z");

        assertThat(next(null, List.of(), List.of(old), HealthFacts.none(null), List.of(expiry, NOW.minusSeconds(1))))
                .isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(ReviewSchedule.next(NOW, UTC, null, List.of(), List.of(old), MANUAL_C, HealthFacts.none(null), List.of()))
                .isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }
}
