package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.mspcs.health.domain.WorkedExamples.catalogV3;
import static io.mspcs.health.domain.WorkedExamples.e1Coverage;
import static io.mspcs.health.domain.WorkedExamples.put;
import static org.assertj.core.api.Assertions.assertThat;

/** health.md §3.10 and the gate rows of E4 (Harbor Dental, segment C, catalogue v3). */
class AdoptionGatesTest {

    private static final Instant STEP1 = Instant.parse("2026-11-20T14:03:00Z");
    private static final Instant STEP2 = Instant.parse("2026-11-21T06:00:00Z");
    private static final Instant STEP3 = Instant.parse("2026-11-28T09:00:00Z");
    private static final Instant STEP4 = Instant.parse("2026-12-05T15:00:00Z");

    private final DmiCalculator dmi = new DmiCalculator(DmiPolicy.defaults());
    private final AdoptionGates gates = new AdoptionGates(new BigDecimal("0.02"), new BigDecimal("2.0"), UUID::randomUUID);

    private final Map<String, CoverageReading> coverage = e1Coverage(Instant.parse("2026-11-18T09:00:00Z"));
    private final Map<AdoptionGates.Kind, AdoptionGates.Open> open = new EnumMap<>(AdoptionGates.Kind.class);
    private Color tier1Color = Color.GREEN;

    private AdoptionGates.Result evaluate(Instant now) {
        DmiSheet sheet = dmi.calculate(catalogV3(), coverage, BandProfile.C, null, now);
        AdoptionGates.Result result = gates.evaluate(catalogV3(), sheet, tier1Color, open, List.of(), now);
        tier1Color = result.tier1Color();
        for (AdoptionGates.Change change : result.changes()) {
            if (change.action() == AdoptionGates.Action.CLEARED) {
                open.remove(change.kind());
            } else {
                open.put(change.kind(), new AdoptionGates.Open(change.gateId(), change.kind(), change.openedAt(),
                        change.failing()));
            }
        }
        return result;
    }

    @Test
    void e4MfaAt55PercentOpensFixFirstWithItsValueAndThreshold() {
        put(coverage, "MFA", "0.55", STEP1);
        AdoptionGates.Result result = evaluate(STEP1);

        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(AdoptionGates.Action.OPENED);
            assertThat(change.kind()).isEqualTo(AdoptionGates.Kind.FIX_FIRST);
            assertThat(change.openedAt()).isEqualTo(STEP1);
            assertThat(change.failing()).singleElement().satisfies(f -> {
                assertThat(f.insightCode()).isEqualTo("MFA");
                assertThat(f.coverage()).isEqualByComparingTo("0.55");
                assertThat(f.threshold()).isEqualByComparingTo("0.60");
            });
        });
        assertThat(tier1Color).as("tier1Dmi 78.69 is GREEN for C").isEqualTo(Color.GREEN);
    }

    @Test
    void e4WholeEpisodeOpensEachGateOnceAndClearsBothInTheFourthStep() {
        put(coverage, "MFA", "0.55", STEP1);
        evaluate(STEP1);
        UUID fixFirst = open.get(AdoptionGates.Kind.FIX_FIRST).gateId();

        put(coverage, "BACKUP_SUCCESS", "0.60", STEP2);
        AdoptionGates.Result step2 = evaluate(STEP2);
        assertThat(tier1Color).as("tier1Dmi 67.31").isEqualTo(Color.YELLOW);
        assertThat(step2.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(AdoptionGates.Action.OPENED);
            assertThat(change.kind()).isEqualTo(AdoptionGates.Kind.SEQUENCING);
            assertThat(change.failing()).extracting(AdoptionGates.Failing::insightCode)
                    .containsExactly("MFA", "BACKUP_SUCCESS", "ENDPOINT_PROTECTION");
            assertThat(change.failing()).extracting(AdoptionGates.Failing::threshold)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.95"), new BigDecimal("0.98"), new BigDecimal("0.98"));
        });

        put(coverage, "MFA", "0.61", STEP3);
        AdoptionGates.Result step3 = evaluate(STEP3);
        assertThat(step3.changes()).as("0.61 < 0.62: FIX_FIRST stays, tier1Dmi 69.62 stays YELLOW")
                .allSatisfy(change -> assertThat(change.emits()).isFalse());
        assertThat(open).containsKeys(AdoptionGates.Kind.FIX_FIRST, AdoptionGates.Kind.SEQUENCING);

        put(coverage, "MFA", "0.63", STEP4);
        put(coverage, "BACKUP_SUCCESS", "0.98", STEP4);
        AdoptionGates.Result step4 = evaluate(STEP4);
        assertThat(tier1Color).as("tier1Dmi 82.08 ≥ 70 + 2").isEqualTo(Color.GREEN);
        assertThat(step4.changes()).extracting(AdoptionGates.Change::action, AdoptionGates.Change::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AdoptionGates.Action.CLEARED, AdoptionGates.Kind.FIX_FIRST),
                        org.assertj.core.groups.Tuple.tuple(AdoptionGates.Action.CLEARED, AdoptionGates.Kind.SEQUENCING));
        assertThat(step4.changes().get(0).gateId()).isEqualTo(fixFirst);
        assertThat(java.time.Duration.between(step4.changes().get(0).openedAt(), STEP4).toDays()).isEqualTo(15);
        assertThat(java.time.Duration.between(step4.changes().get(1).openedAt(), STEP4).toDays()).isEqualTo(14);
    }

    @Test
    void aSecondRecomputeWithTheSameValuesChangesNothing() {
        put(coverage, "MFA", "0.55", STEP1);
        evaluate(STEP1);

        assertThat(evaluate(STEP1.plusSeconds(60)).changes()).isEmpty();
    }

    @Test
    void aNewFailingInsightOnAnOpenFixFirstGateReEmitsTheSameGateWithTheFullList() {
        put(coverage, "MFA", "0.55", STEP1);
        evaluate(STEP1);
        UUID gateId = open.get(AdoptionGates.Kind.FIX_FIRST).gateId();

        put(coverage, "ENDPOINT_PROTECTION", "0.70", STEP2);
        AdoptionGates.Result result = evaluate(STEP2);

        AdoptionGates.Change rebreach = result.changes().stream()
                .filter(c -> c.kind() == AdoptionGates.Kind.FIX_FIRST).findFirst().orElseThrow();
        assertThat(rebreach.action()).isEqualTo(AdoptionGates.Action.REBREACHED);
        assertThat(rebreach.gateId()).isEqualTo(gateId);
        assertThat(rebreach.openedAt()).isEqualTo(STEP1);
        // ordered by weight × shortfall: ENDPOINT_PROTECTION 4 × 0.10 = 0.40 before MFA 5 × 0.05 = 0.25
        assertThat(rebreach.failing()).extracting(AdoptionGates.Failing::insightCode)
                .containsExactly("ENDPOINT_PROTECTION", "MFA");
    }

    @Test
    void anExpiredGateInputNeitherClearsNorOpens() {
        put(coverage, "MFA", "0.55", STEP1);
        evaluate(STEP1);

        // 300 days later every manual reading has expired: no value, no transition
        assertThat(evaluate(STEP1.plus(java.time.Duration.ofDays(300))).changes()).isEmpty();
        assertThat(open).containsKey(AdoptionGates.Kind.FIX_FIRST);
    }

    @Test
    void anOverrideKeepsTheSameInsightsFromReopeningUntilTheyRecoverOrItExpires() {
        put(coverage, "MFA", "0.55", STEP1);
        Instant expiry = STEP1.plus(java.time.Duration.ofDays(30));
        List<AdoptionGates.Suppression> overridden = List.of(new AdoptionGates.Suppression(UUID.randomUUID(),
                AdoptionGates.Kind.FIX_FIRST, Set.of("MFA"), expiry));
        DmiSheet sheet = dmi.calculate(catalogV3(), coverage, BandProfile.C, null, STEP1);

        AdoptionGates.Result held = gates.evaluate(catalogV3(), sheet, Color.GREEN, Map.of(), overridden, STEP1);
        assertThat(held.changes()).isEmpty();
        assertThat(held.suppressions()).singleElement().satisfies(s -> assertThat(s.insights()).containsExactly("MFA"));

        Instant afterExpiry = expiry.plusSeconds(1);
        DmiSheet later = dmi.calculate(catalogV3(), coverage, BandProfile.C, null, afterExpiry);
        AdoptionGates.Result reopened = gates.evaluate(catalogV3(), later, Color.GREEN, Map.of(), overridden, afterExpiry);
        assertThat(reopened.changes()).singleElement()
                .satisfies(c -> assertThat(c.action()).isEqualTo(AdoptionGates.Action.OPENED));

        put(coverage, "MFA", "0.62", STEP2);
        DmiSheet recovered = dmi.calculate(catalogV3(), coverage, BandProfile.C, null, STEP2);
        assertThat(gates.evaluate(catalogV3(), recovered, Color.GREEN, Map.of(), overridden, STEP2).suppressions())
                .as("MFA ≥ 0.60 + 0.02 recovered: the override no longer holds it").isEmpty();
    }
}
