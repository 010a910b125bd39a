package io.mspcs.health.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** health.md §7 E2, E3, E4 and E6 with their numbers. */
class HealthCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T14:00:00Z");
    private static final Instant REGISTERED = Instant.parse("2026-01-12T10:15:02Z");
    private final HealthModel model = HealthModel.defaults();
    private final HealthCalculator calculator = new HealthCalculator(model);

    private static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static HealthFacts.Survey survey(String kind, int score, double daysAgo) {
        return new HealthFacts.Survey("s-" + kind + score + daysAgo, kind, score, daysAgo(daysAgo), daysAgo(daysAgo));
    }

    private static HealthFacts.Fact fact(double daysAgo) {
        return new HealthFacts.Fact("f-" + daysAgo, daysAgo(daysAgo), daysAgo(daysAgo));
    }

    private static HealthFacts facts(List<HealthFacts.Survey> surveys, List<HealthFacts.Fact> complaints,
                                     List<HealthFacts.Fact> sponsor, List<HealthFacts.Ticket> tickets,
                                     List<HealthFacts.Milestone> milestones, HealthFacts.ServiceCoverage coverage,
                                     List<HealthFacts.HeldMeeting> meetings, List<HealthFacts.MissedMeeting> misses,
                                     List<HealthFacts.Proposal> proposals) {
        return new HealthFacts(REGISTERED, surveys, complaints, sponsor, tickets, milestones, coverage, meetings, misses,
                proposals);
    }

    private static List<HealthFacts.Survey> e2Pulses() {
        return List.of(survey("PULSE", 5, 10), survey("PULSE", 4, 20), survey("CSAT", 4, 30), survey("PULSE", 5, 40),
                survey("CSAT", 4, 8));
    }

    private HealthScore score(HealthFacts facts, BandProfile profile) {
        DmiSheet noDmi = new DmiCalculator(DmiPolicy.defaults()).calculate(WorkedExamples.catalogV3(), Map.of(), profile,
                null, NOW);
        return calculator.calculate(noDmi, facts, profile, Map.of(), NOW);
    }

    private HealthScore e1Score(HealthFacts facts, BandProfile profile) {
        DmiSheet sheet = new DmiCalculator(DmiPolicy.defaults()).calculate(WorkedExamples.catalogV3(),
                WorkedExamples.e1Coverage(daysAgo(2)), profile, null, NOW);
        return calculator.calculate(sheet, facts, profile, Map.of(), NOW);
    }

    private static ScoreInput input(DimensionScore dimension, String key) {
        return dimension.inputs().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void e2PulseFourFortySponsorRecentOneComplaintIsEightyYellow() {
        HealthScore score = score(facts(e2Pulses(), List.of(fact(5)), List.of(fact(45)), List.of(), List.of(), null,
                List.of(), List.of(), List.of()), BandProfile.C);
        DimensionScore cx = score.dimension(Dimension.CX);
        assertThat(cx.score()).isEqualByComparingTo("80.00");
        assertThat(cx.color()).isEqualTo(Color.YELLOW);
        assertThat(cx.label()).isEqualTo("Watch");
        ScoreInput pulse = input(cx, "pulse");
        assertThat(pulse.value()).isEqualByComparingTo("4.40");
        assertThat(pulse.subScore()).isEqualByComparingTo("85.00");
        assertThat(pulse.contribution()).isEqualByComparingTo("42.50");
        assertThat(pulse.color()).isEqualTo(Color.YELLOW);
        assertThat(pulse.sampleSize()).isEqualTo(5);
        assertThat(input(cx, "sponsor").value()).isEqualByComparingTo("45");
        assertThat(input(cx, "sponsor").contribution()).isEqualByComparingTo("25.00");
        assertThat(input(cx, "complaints").subScore()).isEqualByComparingTo("50.00");
        assertThat(input(cx, "complaints").contribution()).isEqualByComparingTo("12.50");
    }

    @Test
    void e2SponsorSeenOneHundredThirtyDaysAgoIsFiftyFiveRed() {
        HealthScore score = score(facts(e2Pulses(), List.of(fact(5)), List.of(fact(130)), List.of(), List.of(), null,
                List.of(), List.of(), List.of()), BandProfile.C);
        assertThat(score.dimension(Dimension.CX).score()).isEqualByComparingTo("55.00");
        assertThat(score.dimension(Dimension.CX).color()).isEqualTo(Color.RED);
    }

    @Test
    void e2NoPulseInNinetyDaysRenormalisesToSeventyFiveYellow() {
        HealthScore score = score(facts(List.of(survey("PULSE", 5, 95)), List.of(fact(5)), List.of(fact(45)), List.of(),
                List.of(), null, List.of(), List.of(), List.of()), BandProfile.C);
        DimensionScore cx = score.dimension(Dimension.CX);
        assertThat(input(cx, "pulse").status()).isEqualTo(InputStatus.MISSING);
        assertThat(input(cx, "pulse").subScore()).isNull();
        assertThat(cx.presentWeight()).isEqualByComparingTo("0.50");
        assertThat(cx.score()).isEqualByComparingTo("75.00");
        assertThat(cx.color()).isEqualTo(Color.YELLOW);
    }

    @Test
    void complaintsAloneNeverMakeCxComplete() {
        HealthFacts facts = new HealthFacts(NOW.minus(Duration.ofDays(30)), List.of(), List.of(), List.of(), List.of(),
                List.of(), null, List.of(), List.of(), List.of());
        DimensionScore cx = score(facts, BandProfile.STANDARD).dimension(Dimension.CX);
        assertThat(cx.complete()).isFalse();
        assertThat(cx.score()).isNull();
        assertThat(cx.label()).isEqualTo("Insufficient data");
    }

    /** E3: 10 strategic meetings held in 90 d (9 on time, 7 with a decision maker), 1 missed NOT_SCHEDULED. */
    private static List<HealthFacts.HeldMeeting> e3Meetings(int recapsOnTime) {
        List<HealthFacts.HeldMeeting> meetings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant held = daysAgo(5 + i * 8);
            meetings.add(new HealthFacts.HeldMeeting("m" + i, true, "MONTHLY_CHECKIN", held, i < 9, i < 7, false,
                    held.plus(Duration.ofDays(2)), i < recapsOnTime, 1));
        }
        return meetings;
    }

    private static List<HealthFacts.MissedMeeting> e3Misses() {
        return List.of(new HealthFacts.MissedMeeting("slot-1", true, daysAgo(20), "NOT_SCHEDULED"),
                new HealthFacts.MissedMeeting("slot-2", true, daysAgo(25), "NO_RECAP"));
    }

    private static List<HealthFacts.Proposal> e3Proposals() {
        return List.of(new HealthFacts.Proposal("p1", daysAgo(100), daysAgo(79), null),
                new HealthFacts.Proposal("p2", daysAgo(120), daysAgo(82), null),
                new HealthFacts.Proposal("p3", daysAgo(150), daysAgo(90), null),
                new HealthFacts.Proposal("p4", daysAgo(10), null, null));
    }

    @Test
    void e3EngagementSegmentBIsSeventySixTwentyFiveGreen() {
        HealthScore score = score(facts(List.of(), List.of(), List.of(), List.of(), List.of(), null, e3Meetings(8),
                e3Misses(), e3Proposals()), BandProfile.B);
        DimensionScore engagement = score.dimension(Dimension.ENGAGEMENT);
        assertThat(input(engagement, "cadenceAdherence").subScore()).isEqualByComparingTo("90.00");
        assertThat(input(engagement, "stakeholderMix").subScore()).isEqualByComparingTo("70.00");
        assertThat(input(engagement, "decisionVelocity").value()).isEqualByComparingTo("38.00");
        assertThat(input(engagement, "decisionVelocity").subScore()).isEqualByComparingTo("65.00");
        assertThat(input(engagement, "followUpClosure").subScore()).isEqualByComparingTo("80.00");
        assertThat(engagement.inputs().stream().map(ScoreInput::contribution).toList())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("27.00"), dec("21.00"), dec("16.25"), dec("12.00"));
        assertThat(engagement.score()).isEqualByComparingTo("76.25");
        assertThat(engagement.color()).isEqualTo(Color.GREEN);
        assertThat(engagement.label()).isEqualTo("Healthy");
    }

    @Test
    void e3SevenOfTenRecapsIsSeventyFourSeventyFiveAndTheGuardrailForcesRed() {
        HealthScore score = score(facts(List.of(), List.of(), List.of(), List.of(), List.of(), null, e3Meetings(7),
                e3Misses(), e3Proposals()), BandProfile.B);
        DimensionScore engagement = score.dimension(Dimension.ENGAGEMENT);
        assertThat(engagement.score()).isEqualByComparingTo("74.75");
        assertThat(model.band("ENGAGEMENT", BandProfile.B).colorOf(engagement.score())).isEqualTo(Color.YELLOW);
        assertThat(engagement.color()).isEqualTo(Color.RED);
        assertThat(engagement.guardrails()).anySatisfy(g -> {
            assertThat(g.code()).isEqualTo("followUpClosure_BELOW_80");
            assertThat(g.fired()).isTrue();
            assertThat(g.value()).isEqualByComparingTo("70.00");
        });
    }

    @Test
    void e3QualityIsEightyTwoFortyGreen() {
        List<HealthFacts.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tickets.add(new HealthFacts.Ticket("t" + i, daysAgo(1 + i), i < 44, i < 2, daysAgo(1 + i)));
        }
        List<HealthFacts.Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Instant due = daysAgo(2 + i * 3);
            milestones.add(new HealthFacts.Milestone("ms" + i, due, i < 18 ? due.minus(Duration.ofDays(1)) : null, due));
        }
        HealthScore score = score(facts(List.of(), List.of(), List.of(), tickets, milestones, null, e3Meetings(9),
                List.of(), List.of()), BandProfile.B);
        DimensionScore quality = score.dimension(Dimension.SERVICE_QUALITY);
        assertThat(input(quality, "slaAttainment").subScore()).isEqualByComparingTo("88.00");
        assertThat(input(quality, "milestonesOnTime").subScore()).isEqualByComparingTo("72.00");
        assertThat(input(quality, "reopenRate").value()).isEqualByComparingTo("0.04");
        assertThat(input(quality, "reopenRate").subScore()).isEqualByComparingTo("80.00");
        assertThat(input(quality, "followThrough").subScore()).isEqualByComparingTo("90.00");
        assertThat(quality.score()).isEqualByComparingTo("82.40");
        assertThat(quality.color()).isEqualTo(Color.GREEN);
    }

    @Test
    void fewerThanFiveClosedTicketsAreTooFew() {
        List<HealthFacts.Ticket> tickets = List.of(new HealthFacts.Ticket("t", daysAgo(3), true, false, daysAgo(3)));
        DimensionScore quality = score(facts(List.of(), List.of(), List.of(), tickets, List.of(), null, List.of(),
                List.of(), List.of()), BandProfile.B).dimension(Dimension.SERVICE_QUALITY);
        assertThat(input(quality, "slaAttainment").status()).isEqualTo(InputStatus.TOO_FEW);
        assertThat(quality.complete()).isFalse();
    }

    /** E4 alignment: presence 8 of 10, perception mean 4.0, performance 5 of 6 → 79.50. */
    private static HealthFacts e4Alignment() {
        List<HealthFacts.HeldMeeting> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(new HealthFacts.HeldMeeting("a" + i, true, "MONTHLY_CHECKIN", daysAgo(10 + i * 30), true, false,
                    false, null, null, 1));
        }
        return facts(List.of(survey("ALIGNMENT", 4, 30), survey("ALIGNMENT", 3, 60), survey("ALIGNMENT", 5, 61)),
                List.of(), List.of(), List.of(), List.of(),
                new HealthFacts.ServiceCoverage("sc", 10, 8, daysAgo(40), daysAgo(40)), held,
                List.of(new HealthFacts.MissedMeeting("slot", true, daysAgo(100), "NOT_SCHEDULED")), List.of());
    }

    @Test
    void e4AlignmentIsSeventyNineFifty() {
        DimensionScore alignment = score(e4Alignment(), BandProfile.C).dimension(Dimension.ALIGNMENT);
        assertThat(input(alignment, "presence").subScore()).isEqualByComparingTo("80.00");
        assertThat(input(alignment, "perception").subScore()).isEqualByComparingTo("75.00");
        assertThat(input(alignment, "performance").subScore()).isEqualByComparingTo("83.33");
        assertThat(alignment.score()).isEqualByComparingTo("79.50");
        assertThat(alignment.color()).isEqualTo(Color.GREEN);
    }

    @Test
    void e4CompositeOfHarborDentalIsSeventyEightNinetyFourAndFallsToSeventyEightWithMfaAtFiftyFive() {
        Map<Dimension, BigDecimal> scores = new EnumMap<>(Dimension.class);
        scores.put(Dimension.CX, dec("80.00"));
        scores.put(Dimension.ADOPTION, dec("76.56"));
        scores.put(Dimension.ENGAGEMENT, dec("76.25"));
        scores.put(Dimension.SERVICE_QUALITY, dec("82.40"));
        scores.put(Dimension.ALIGNMENT, dec("79.50"));
        Map<Dimension, BigDecimal> weights = model.compositeWeights("C");
        assertThat(HealthCalculator.compositeOf(scores, weights)).isEqualByComparingTo("78.94");
        assertThat(model.band(HealthModel.COMPOSITE, BandProfile.C).colorOf(dec("78.94"))).isEqualTo(Color.GREEN);
        scores.put(Dimension.ADOPTION, dec("71.83"));
        assertThat(HealthCalculator.compositeOf(scores, weights)).isEqualByComparingTo("78.00");
        scores.put(Dimension.ADOPTION, dec("63.61"));
        assertThat(HealthCalculator.compositeOf(scores, weights)).isEqualByComparingTo("76.35");
        scores.put(Dimension.ADOPTION, dec("65.28"));
        assertThat(HealthCalculator.compositeOf(scores, weights)).isEqualByComparingTo("76.69");
        scores.put(Dimension.ADOPTION, dec("74.28"));
        assertThat(HealthCalculator.compositeOf(scores, weights)).isEqualByComparingTo("78.49");
    }

    @Test
    void e4MaturityAndAppetiteFromTheFirstScoreAreFourPointOne() {
        Map<Dimension, BigDecimal> scores = new EnumMap<>(Dimension.class);
        scores.put(Dimension.CX, dec("80.00"));
        scores.put(Dimension.ADOPTION, dec("76.56"));
        scores.put(Dimension.ENGAGEMENT, dec("76.25"));
        scores.put(Dimension.SERVICE_QUALITY, dec("82.40"));
        scores.put(Dimension.ALIGNMENT, dec("79.50"));
        assertThat(MaturityAppetite.maturityIndex(scores)).isEqualByComparingTo("78.54");
        assertThat(MaturityAppetite.toScale(MaturityAppetite.maturityIndex(scores))).isEqualByComparingTo("4.1");
        assertThat(MaturityAppetite.appetiteIndex(scores)).isEqualByComparingTo("78.14");
        assertThat(MaturityAppetite.toScale(MaturityAppetite.appetiteIndex(scores))).isEqualByComparingTo("4.1");
        assertThat(MaturityAppetite.toScale(dec("0"))).isEqualByComparingTo("1.0");
        assertThat(MaturityAppetite.toScale(dec("25"))).isEqualByComparingTo("2.0");
        assertThat(MaturityAppetite.toScale(dec("75"))).isEqualByComparingTo("4.0");
        assertThat(MaturityAppetite.toScale(dec("100"))).isEqualByComparingTo("5.0");
    }

    @Test
    void e4FullScoreWithE1DmiAndAlignmentMakesAnAdoptionDimensionOfSeventySixFiftySix() {
        HealthScore score = e1Score(e4Alignment(), BandProfile.C);
        DimensionScore adoption = score.dimension(Dimension.ADOPTION);
        assertThat(adoption.score()).isEqualByComparingTo("76.56");
        assertThat(adoption.color()).isEqualTo(Color.GREEN);
        assertThat(input(adoption, "MFA").contribution()).isEqualByComparingTo("20.00");
        assertThat(score.segmentUsed()).isEqualTo("C");
    }

    @Test
    void e6EngagementHysteresisFromRedNeedsTwoPointsAboveRedBelow() {
        Band band = model.band("ENGAGEMENT", BandProfile.C);
        BigDecimal margin = model.colorMargin();
        assertThat(band.colorOf(dec("53.00"), null, margin)).isEqualTo(Color.RED);
        assertThat(band.colorOf(dec("56.00"))).isEqualTo(Color.YELLOW);
        assertThat(band.colorOf(dec("56.00"), Color.RED, margin)).isEqualTo(Color.RED);
        assertThat(band.colorOf(dec("57.10"), Color.RED, margin)).isEqualTo(Color.YELLOW);
    }

    @Test
    void e6AlignmentWithOnlyPerformanceIsIncompleteAndTheCompositeUsesFourDimensions() {
        List<HealthFacts.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(new HealthFacts.Ticket("t" + i, daysAgo(1 + i), true, false, daysAgo(1 + i)));
        }
        HealthFacts onlyPerformance = facts(e2Pulses(), List.of(), List.of(fact(45)), tickets, List.of(), null,
                e3Meetings(8), e3Misses(), e3Proposals());
        HealthScore score = e1Score(onlyPerformance, BandProfile.C);
        DimensionScore alignment = score.dimension(Dimension.ALIGNMENT);
        assertThat(alignment.complete()).isFalse();
        assertThat(alignment.presentWeight()).isEqualByComparingTo("0.30");
        assertThat(alignment.missing()).containsExactly("presence", "perception");
        assertThat(score.dimension(Dimension.SERVICE_QUALITY).complete()).isTrue();
        Map<Dimension, BigDecimal> four = new EnumMap<>(Dimension.class);
        score.dimensions().stream().filter(DimensionScore::complete).forEach(d -> four.put(d.dimension(), d.score()));
        assertThat(four).hasSize(4);
        assertThat(score.compositeComplete()).isTrue();
        assertThat(score.completeDimensions()).isEqualTo(4);
        assertThat(score.composite()).isEqualByComparingTo(HealthCalculator.compositeOf(four, model.compositeWeights("C")));
    }

    @Test
    void fewerThanThreeCompleteDimensionsLeaveTheCompositeIncomplete() {
        HealthScore score = score(facts(e2Pulses(), List.of(), List.of(fact(45)), List.of(), List.of(), null,
                List.of(), List.of(), List.of()), BandProfile.C);
        assertThat(score.compositeComplete()).isFalse();
        assertThat(score.composite()).isNull();
        assertThat(score.compositeColor()).isNull();
    }
}
