package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static io.mspcs.health.domain.WorkedExamples.E1_CYCLE;
import static io.mspcs.health.domain.WorkedExamples.catalogV3;
import static io.mspcs.health.domain.WorkedExamples.e1Coverage;
import static io.mspcs.health.domain.WorkedExamples.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DmiCalculatorTest {

    private final DmiCalculator calculator = new DmiCalculator(DmiPolicy.defaults());
    private final Instant observed = E1_CYCLE.minus(Duration.ofDays(3));

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void computesTheWorkedExampleSheetE1() {
        DmiSheet sheet = calculator.calculate(catalogV3(), e1Coverage(observed), BandProfile.C, null, E1_CYCLE);

        assertThat(sheet.complete()).isTrue();
        assertThat(sheet.completeness()).isEqualByComparingTo("1");
        assertThat(sheet.dmi()).isEqualTo(dec("76.56"));
        assertThat(sheet.color()).isEqualTo(Color.GREEN);
        assertThat(sheet.categories()).extracting(DmiSheet.CategoryScore::category, DmiSheet.CategoryScore::score)
                .containsExactly(tuple("IDENTITY_ACCESS", dec("72.00")), tuple("SECURITY", dec("77.14")),
                        tuple("BACKUP_DR", dec("97.00")), tuple("PRODUCTIVITY_COLLAB", dec("45.00")));
        assertThat(sheet.tier1Dmi()).isEqualTo(dec("85.23"));
        assertThat(sheet.insights().get(0).contribution()).isEqualTo(dec("20.00"));
        assertThat(sheet.topGaps()).extracting(DmiSheet.Gap::insightCode, g -> g.gap().stripTrailingZeros())
                .containsExactly(tuple("MFA", dec("1.15")), tuple("EMAIL_SECURITY", dec("1.05")),
                        tuple("COLLABORATION_USAGE", dec("0.5")), tuple("ENDPOINT_PROTECTION", dec("0.32")),
                        tuple("BACKUP_SUCCESS", dec("0.04")));
        assertThat(sheet.dataAsOf()).isEqualTo(observed);
    }

    @Test
    void contributionsAddUpToTheDmi() {
        DmiSheet sheet = calculator.calculate(catalogV3(), e1Coverage(observed), BandProfile.C, null, E1_CYCLE);

        BigDecimal sum = sheet.insights().stream().map(DmiSheet.Line::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("76.56");
    }

    @Test
    void coloursE1ByTheSegmentsAdoptionBands() {
        Map<BandProfile, Color> expected = new EnumMap<>(BandProfile.class);
        expected.put(BandProfile.A, Color.RED);
        expected.put(BandProfile.B, Color.YELLOW);
        expected.put(BandProfile.C, Color.GREEN);
        expected.put(BandProfile.D, Color.GREEN);
        expected.put(BandProfile.STANDARD, Color.YELLOW);

        expected.forEach((profile, color) -> assertThat(
                calculator.calculate(catalogV3(), e1Coverage(observed), profile, null, E1_CYCLE).color())
                .as("profile %s", profile).isEqualTo(color));
    }

    @Test
    void followsTheWorkedExampleE4SequenceWithHysteresis() {
        Map<String, CoverageReading> readings = e1Coverage(observed);
        Instant now = Instant.parse("2026-11-20T14:03:00Z");

        put(readings, "MFA", "0.55", now);
        DmiSheet step1 = calculator.calculate(catalogV3(), readings, BandProfile.C, Color.GREEN, now);
        assertThat(step1.dmi()).isEqualTo(dec("71.83"));
        assertThat(step1.tier1Dmi()).isEqualTo(dec("78.69"));
        assertThat(step1.color()).isEqualTo(Color.GREEN);

        put(readings, "BACKUP_SUCCESS", "0.60", now.plus(Duration.ofHours(16)));
        DmiSheet step2 = calculator.calculate(catalogV3(), readings, BandProfile.C, step1.color(), now.plus(Duration.ofHours(16)));
        assertThat(step2.dmi()).isEqualTo(dec("63.61"));
        assertThat(step2.tier1Dmi()).isEqualTo(dec("67.31"));
        assertThat(step2.color()).isEqualTo(Color.YELLOW);
        assertThat(step2.topGaps()).extracting(DmiSheet.Gap::insightCode).containsExactly("MFA", "BACKUP_SUCCESS",
                "EMAIL_SECURITY", "COLLABORATION_USAGE", "ENDPOINT_PROTECTION");

        Instant nov28 = Instant.parse("2026-11-28T10:00:00Z");
        put(readings, "MFA", "0.61", nov28);
        DmiSheet step3 = calculator.calculate(catalogV3(), readings, BandProfile.C, step2.color(), nov28);
        assertThat(step3.dmi()).isEqualTo(dec("65.28"));
        assertThat(step3.tier1Dmi()).isEqualTo(dec("69.62"));
        assertThat(step3.color()).isEqualTo(Color.YELLOW);

        Instant dec5 = Instant.parse("2026-12-05T15:00:00Z");
        put(readings, "MFA", "0.63", dec5);
        put(readings, "BACKUP_SUCCESS", "0.98", dec5);
        DmiSheet step4 = calculator.calculate(catalogV3(), readings, BandProfile.C, step3.color(), dec5);
        assertThat(step4.dmi()).isEqualTo(dec("74.28"));
        assertThat(step4.tier1Dmi()).isEqualTo(dec("82.08"));
        assertThat(step4.color()).as("74.28 ≥ 70 + 2 leaves YELLOW").isEqualTo(Color.GREEN);
    }

    @Test
    void staysYellowWhenImprovingLessThanTheMarginAboveGreen() {
        Map<String, CoverageReading> readings = new HashMap<>();
        put(readings, "MFA", "0.71", observed);
        put(readings, "ENDPOINT_PROTECTION", "0.71", observed);
        put(readings, "BACKUP_SUCCESS", "0.71", observed);

        DmiSheet fromYellow = calculator.calculate(catalogV3(), readings, BandProfile.C, Color.YELLOW, E1_CYCLE);
        DmiSheet fresh = calculator.calculate(catalogV3(), readings, BandProfile.C, null, E1_CYCLE);

        assertThat(fromYellow.dmi()).isEqualTo(dec("71.00"));
        assertThat(fromYellow.color()).isEqualTo(Color.YELLOW);
        assertThat(fresh.color()).isEqualTo(Color.GREEN);
    }

    @Test
    void leavesTheDmiOutWhenLessThanHalfTheWeightHasAValue() {
        Map<String, CoverageReading> readings = new HashMap<>();
        put(readings, "MFA", "0.90", observed);
        put(readings, "COLLABORATION_USAGE", "0.50", observed); // weight 5 + 2 of 18

        DmiSheet sheet = calculator.calculate(catalogV3(), readings, BandProfile.C, Color.GREEN, E1_CYCLE);

        assertThat(sheet.complete()).isFalse();
        assertThat(sheet.completeness()).isEqualTo(dec("0.3889"));
        assertThat(sheet.dmi()).isNull();
        assertThat(sheet.color()).isNull();
        assertThat(sheet.categories()).extracting(DmiSheet.CategoryScore::category)
                .containsExactly("IDENTITY_ACCESS", "PRODUCTIVITY_COLLAB");
        assertThat(sheet.insights()).extracting(DmiSheet.Line::status).containsExactly(InsightStatus.OK,
                InsightStatus.MISSING, InsightStatus.MISSING, InsightStatus.MISSING, InsightStatus.OK);
    }

    @Test
    void isCompleteAtExactlyHalfTheWeight() {
        Map<String, CoverageReading> readings = new HashMap<>();
        put(readings, "MFA", "0.80", observed);
        put(readings, "ENDPOINT_PROTECTION", "0.90", observed); // 9 of 18

        DmiSheet sheet = calculator.calculate(catalogV3(), readings, BandProfile.C, null, E1_CYCLE);

        assertThat(sheet.complete()).isTrue();
        assertThat(sheet.dmi()).isEqualTo(dec("84.44"));
        assertThat(sheet.tier1Dmi()).as("9 of 13 tier-1 weight").isEqualTo(dec("84.44"));
    }

    @Test
    void excludesCoverageOlderThanTheManualMaxAgeOfTheProfile() {
        Map<String, CoverageReading> readings = e1Coverage(observed);
        put(readings, "MFA", "0.10", E1_CYCLE.minus(Duration.ofDays(120)));

        DmiSheet standard = calculator.calculate(catalogV3(), readings, BandProfile.STANDARD, null, E1_CYCLE);
        DmiSheet segmentC = calculator.calculate(catalogV3(), readings, BandProfile.C, null, E1_CYCLE);

        DmiSheet.Line mfa = standard.insights().get(0);
        assertThat(mfa.status()).isEqualTo(InsightStatus.EXPIRED);
        assertThat(mfa.coverage()).isEqualTo(dec("0.10"));
        assertThat(mfa.contribution()).isNull();
        assertThat(standard.dmi()).as("(3.60 + 3.88 + 1.80 + 0.90) / 13").isEqualTo(dec("78.31"));
        assertThat(standard.topGaps()).extracting(DmiSheet.Gap::insightCode).doesNotContain("MFA");
        assertThat(segmentC.insights().get(0).status()).as("C refreshes semi-annually: 210 days")
                .isEqualTo(InsightStatus.OK);
    }

    @Test
    void pushedCoverageCountsForThirtyDaysWhateverTheProfile() {
        Map<String, CoverageReading> readings = e1Coverage(observed);
        readings.put("MFA", new CoverageReading("MFA", dec("0.10"), E1_CYCLE.minus(Duration.ofDays(30)), "ninjaone"));
        readings.put("EMAIL_SECURITY", new CoverageReading("EMAIL_SECURITY", dec("0.60"),
                E1_CYCLE.minus(Duration.ofDays(30)).plusSeconds(1), "ninjaone"));

        DmiSheet segmentC = calculator.calculate(catalogV3(), readings, BandProfile.C, null, E1_CYCLE);

        assertThat(segmentC.insights()).extracting(DmiSheet.Line::code, DmiSheet.Line::status)
                .contains(tuple("MFA", InsightStatus.EXPIRED), tuple("EMAIL_SECURITY", InsightStatus.OK));
        assertThat(segmentC.dmi()).as("E1 without MFA: (3.60 + 3.88 + 1.80 + 0.90) / 13").isEqualTo(dec("78.31"));
        assertThat(segmentC.topGaps()).extracting(DmiSheet.Gap::insightCode).doesNotContain("MFA");
    }

    @Test
    void targetRelativeMethodCapsEachInsightAtItsTarget() {
        DmiPolicy defaults = DmiPolicy.defaults();
        DmiPolicy targetRelative = new DmiPolicy(1, DmiMethod.TARGET_RELATIVE, defaults.minWeightPresent(),
                defaults.materialDelta(), defaults.colorMargin(), defaults.dropPoints(), defaults.dropWindowDays(),
                defaults.manualMaxAgeDays(), defaults.adoptionBands());
        Map<String, CoverageReading> readings = new HashMap<>();
        put(readings, "MFA", "1.00", observed);                 // 1.00 / .95 → capped at 1
        put(readings, "ENDPOINT_PROTECTION", "0.49", observed);  // .49 / .98 = .5
        put(readings, "BACKUP_SUCCESS", "0.98", observed);       // 1

        DmiSheet sheet = new DmiCalculator(targetRelative).calculate(catalogV3(), readings, BandProfile.C, null, E1_CYCLE);

        assertThat(sheet.dmi()).as("100 · (5 + 2 + 4) / 13").isEqualTo(dec("84.62"));
        assertThat(sheet.method()).isEqualTo(DmiMethod.TARGET_RELATIVE);
    }

    @Test
    void ignoresCoverageOfInsightsThatAreNotActive() {
        Map<String, CoverageReading> readings = e1Coverage(observed);
        put(readings, "RETIRED_INSIGHT", "0.01", observed);

        DmiSheet sheet = calculator.calculate(catalogV3(), readings, BandProfile.C, null, E1_CYCLE);

        assertThat(sheet.dmi()).isEqualTo(dec("76.56"));
        assertThat(sheet.insights()).hasSize(5);
    }
}
