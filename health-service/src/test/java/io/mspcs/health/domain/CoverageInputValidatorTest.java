package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageInputValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T14:00:00Z");

    private static CoverageInput ratio(String code, String coverage) {
        return new CoverageInput(code, new BigDecimal(coverage), null, null, null, null);
    }

    private static CoverageInput counts(String code, String numerator, String denominator) {
        return new CoverageInput(code, null, numerator == null ? null : new BigDecimal(numerator),
                denominator == null ? null : new BigDecimal(denominator), null, null);
    }

    private static List<Violation> violations(CoverageInput... items) {
        return CoverageInputValidator.validate(List.of(items), NOW).violations();
    }

    @Test
    void turnsCountsIntoARatioWithFourDecimals() {
        CoverageInputValidator.Result result = CoverageInputValidator.validate(List.of(counts("MFA", "33", "60")), NOW);

        assertThat(result.valid()).isTrue();
        CoverageObservation observation = result.observations().get(0);
        assertThat(observation.coverage()).isEqualTo(new BigDecimal("0.5500"));
        assertThat(observation.numerator()).isEqualTo(33);
        assertThat(observation.denominator()).isEqualTo(60);
    }

    @Test
    void takesNowWhenObservedAtIsAbsentAndKeepsMilliseconds() {
        Instant precise = Instant.parse("2026-11-18T09:00:00.123456Z");
        CoverageInputValidator.Result result = CoverageInputValidator.validate(List.of(ratio("MFA", "0.5"),
                new CoverageInput("BACKUP_SUCCESS", new BigDecimal("0.9"), null, null, precise, "  ")), NOW);

        assertThat(result.observations()).extracting(CoverageObservation::observedAt)
                .containsExactly(NOW, Instant.parse("2026-11-18T09:00:00.123Z"));
        assertThat(result.observations().get(1).note()).isNull();
    }

    @Test
    void refusesRatiosOutsideZeroToOne() {
        assertThat(violations(ratio("MFA", "1.5"))).containsExactly(new Violation("items[0].coverage", "range"));
        assertThat(violations(ratio("MFA", "-0.01"))).containsExactly(new Violation("items[0].coverage", "range"));
        assertThat(violations(ratio("MFA", "0"), ratio("EMAIL_SECURITY", "1"))).isEmpty();
    }

    @Test
    void refusesImpossibleCounts() {
        assertThat(violations(counts("MFA", "61", "60"))).containsExactly(new Violation("items[0].numerator", "range"));
        assertThat(violations(counts("MFA", "0", "0"))).containsExactly(new Violation("items[0].denominator", "range"));
        assertThat(violations(counts("MFA", "-1", "5"))).containsExactly(new Violation("items[0].numerator", "range"));
        assertThat(violations(counts("MFA", "2.5", "5"))).containsExactly(new Violation("items[0].numerator", "integer"));
        assertThat(violations(counts("MFA", "3", null))).containsExactly(new Violation("items[0].denominator", "required"));
    }

    @Test
    void wantsExactlyOneOfTheTwoForms() {
        CoverageInput both = new CoverageInput("MFA", new BigDecimal("0.5"), BigDecimal.ONE, BigDecimal.TEN, null, null);
        CoverageInput neither = new CoverageInput("MFA", null, null, null, null, null);

        assertThat(violations(both)).containsExactly(new Violation("items[0].coverage", "one-of"));
        assertThat(violations(neither)).containsExactly(new Violation("items[0].coverage", "one-of"));
    }

    @Test
    void namesEveryOffendingItemAndWritesNothingForAnyOfThem() {
        CoverageInputValidator.Result result = CoverageInputValidator.validate(List.of(ratio("MFA", "0.5"),
                ratio(" ", "0.5"), ratio("MFA", "0.6")), NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.observations()).isEmpty();
        assertThat(result.violations()).containsExactly(new Violation("items[1].insightCode", "required"),
                new Violation("items[2].insightCode", "duplicate"));
    }

    @Test
    void acceptsOneToTwentyItems() {
        List<CoverageInput> twentyOne = new ArrayList<>(Collections.nCopies(21, ratio("MFA", "0.5")));

        assertThat(CoverageInputValidator.validate(twentyOne, NOW).violations()).containsExactly(new Violation("items", "size"));
        assertThat(CoverageInputValidator.validate(List.of(), NOW).violations()).containsExactly(new Violation("items", "size"));
        assertThat(CoverageInputValidator.validate(null, NOW).violations()).containsExactly(new Violation("items", "required"));
    }

    @Test
    void limitsTheNote() {
        CoverageInput longNote = new CoverageInput("MFA", new BigDecimal("0.5"), null, null, null, "x".repeat(501));

        assertThat(violations(longNote)).containsExactly(new Violation("items[0].note", "size"));
    }

    @Test
    void findsCodesThatAreNotActiveInsights() {
        List<CoverageObservation> observations = CoverageInputValidator.validate(List.of(ratio("MFA", "0.5"),
                ratio("PRINTER_TONER", "0.5")), NOW).observations();

        assertThat(CoverageInputValidator.unknownInsights(observations, DefaultDmiCatalog.v1()))
                .containsExactly(new Violation("items[1].insightCode", "unknown"));
    }

    @Test
    void toleratesFiveMinutesOfClockSkewButNoMore() {
        List<CoverageObservation> observations = CoverageInputValidator.validate(List.of(
                new CoverageInput("MFA", BigDecimal.ONE, null, null, NOW.plus(Duration.ofMinutes(5)), null),
                new CoverageInput("EMAIL_SECURITY", BigDecimal.ONE, null, null, NOW.plus(Duration.ofMinutes(6)), null)),
                NOW).observations();

        assertThat(CoverageInputValidator.observedInFuture(observations, NOW))
                .containsExactly(new Violation("items[1].observedAt", "future"));
    }
}
