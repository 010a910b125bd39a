package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The five dimensions and the composite (health.md §3): a pure function of the model, the DMI sheet, the facts,
 * the band profile, the last colours (hysteresis) and the instant. Scores are rounded HALF_UP to 2 dp and the next
 * step uses the rounded value; missing data is excluded and the remaining weights renormalised (§3.2).
 */
public final class HealthCalculator {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PULSE_DAYS = 90;
    private static final int SPONSOR_DAYS = 120;
    private static final int COMPLAINT_DAYS = 30;
    private static final int SHORT_WINDOW = 90;
    private static final int LONG_WINDOW = 180;
    private static final int MIN_TICKETS = 5;
    private static final int PRESENCE_MAX_AGE = 120;
    private static final int OPEN_PROPOSAL_DAYS = 30;
    private static final BigDecimal GUARDRAIL_LIMIT = BigDecimal.valueOf(80);

    private final HealthModel model;

    public HealthCalculator(HealthModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * @param lastColors the last non-null colour per dimension name and COMPOSITE (hysteresis "from")
     */
    public HealthScore calculate(DmiSheet dmi, HealthFacts facts, BandProfile profile, Map<String, Color> lastColors,
                                 Instant now) {
        List<DimensionScore> dimensions = List.of(
                cx(facts, now),
                adoption(dmi),
                engagement(facts, profile, lastColors, now),
                banded(Dimension.SERVICE_QUALITY, qualityInputs(facts, now), profile, lastColors, List.of()),
                banded(Dimension.ALIGNMENT, alignmentInputs(facts, now), profile, lastColors, List.of()));
        String segmentUsed = profile == BandProfile.STANDARD ? null : profile.name();
        Map<Dimension, BigDecimal> completeScores = new EnumMap<>(Dimension.class);
        dimensions.stream().filter(DimensionScore::complete).forEach(d -> completeScores.put(d.dimension(), d.score()));
        int complete = completeScores.size();
        BigDecimal composite = complete >= model.na().minDimensions()
                ? compositeOf(completeScores, model.compositeWeights(segmentUsed)) : null;
        boolean compositeComplete = composite != null;
        Color compositeColor = composite == null ? null
                : model.band(HealthModel.COMPOSITE, profile).colorOf(composite, lastColors.get(HealthModel.COMPOSITE),
                model.colorMargin());
        Instant dataAsOf = dimensions.stream().flatMap(d -> d.inputs().stream())
                .filter(ScoreInput::counts).map(ScoreInput::asOf).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new HealthScore(dimensions, composite, compositeColor, compositeComplete, complete, segmentUsed, dataAsOf);
    }

    /** {@code Σ w_d·score_d / Σ w_d} over the complete dimensions given (§3.8); null when their weight is 0. */
    public static BigDecimal compositeOf(Map<Dimension, BigDecimal> completeScores, Map<Dimension, BigDecimal> weights) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weightSum = BigDecimal.ZERO;
        for (Map.Entry<Dimension, BigDecimal> entry : completeScores.entrySet()) {
            BigDecimal weight = weights.getOrDefault(entry.getKey(), BigDecimal.ZERO);
            weighted = weighted.add(weight.multiply(entry.getValue()));
            weightSum = weightSum.add(weight);
        }
        return weightSum.signum() == 0 ? null : weighted.divide(weightSum, 2, RoundingMode.HALF_UP);
    }

    // ---- CX (§3.4): weighted score, colour by rules ----

    private DimensionScore cx(HealthFacts facts, Instant now) {
        HealthModel.Weighted w = model.cx();
        List<ScoreInput> inputs = new ArrayList<>();
        List<HealthFacts.Survey> pulses = facts.surveys().stream()
                .filter(s -> "PULSE".equals(s.survey()) || "CSAT".equals(s.survey()))
                .filter(s -> within(s.observedAt(), now, PULSE_DAYS)).toList();
        if (pulses.isEmpty()) {
            inputs.add(missing("pulse", "Pulse and CSAT answers", "score_1_5", w.weight("pulse"), "P90D", InputStatus.MISSING));
        } else {
            BigDecimal mean = mean(pulses.stream().map(HealthFacts.Survey::score).toList());
            HealthFacts.Survey newest = pulses.stream().max(Comparator.comparing(HealthFacts.Survey::observedAt)).orElseThrow();
            Color color = mean.compareTo(new BigDecimal("4.50")) >= 0 ? Color.GREEN
                    : mean.compareTo(new BigDecimal("4.00")) >= 0 ? Color.YELLOW : Color.RED;
            inputs.add(ok("pulse", "Pulse and CSAT answers", mean, "score_1_5", scaleOf5(mean), w.weight("pulse"), color,
                    pulses.size(), "P90D", newest.observedAt(), newest.receivedAt(),
                    pulses.stream().map(HealthFacts.Survey::id).toList()));
        }
        HealthFacts.Fact lastContact = facts.sponsorContacts().stream().filter(f -> !f.at().isAfter(now))
                .max(Comparator.comparing(HealthFacts.Fact::at)).orElse(null);
        if (lastContact != null) {
            long days = ChronoUnit.DAYS.between(lastContact.at(), now);
            boolean recent = days <= SPONSOR_DAYS;
            inputs.add(ok("sponsor", "Days since the last exec-sponsor contact", BigDecimal.valueOf(days), "days",
                    recent ? HUNDRED : BigDecimal.ZERO, w.weight("sponsor"), recent ? Color.GREEN : Color.RED, 1, null,
                    lastContact.at(), lastContact.receivedAt(), List.of(lastContact.id())));
        } else if (facts.registeredAt() != null && ChronoUnit.DAYS.between(facts.registeredAt(), now) > SPONSOR_DAYS) {
            inputs.add(ok("sponsor", "Days since the last exec-sponsor contact", null, "days", BigDecimal.ZERO,
                    w.weight("sponsor"), Color.RED, 0, null, null, null, List.of()));
        } else {
            inputs.add(missing("sponsor", "Days since the last exec-sponsor contact", "days", w.weight("sponsor"), null,
                    InputStatus.MISSING));
        }
        // Complaints are counted facts: none logged is 0 complaints, never missing.
        List<HealthFacts.Fact> complaints = facts.complaints().stream()
                .filter(f -> within(f.at(), now, COMPLAINT_DAYS)).toList();
        int count = complaints.size();
        HealthFacts.Fact newestComplaint = complaints.stream().max(Comparator.comparing(HealthFacts.Fact::at)).orElse(null);
        inputs.add(ok("complaints", "Complaints in 30 days", BigDecimal.valueOf(count), "count",
                count == 0 ? HUNDRED : count == 1 ? BigDecimal.valueOf(50) : BigDecimal.ZERO, w.weight("complaints"),
                count == 0 ? Color.GREEN : count == 1 ? Color.YELLOW : Color.RED, count, "P30D",
                newestComplaint == null ? null : newestComplaint.at(),
                newestComplaint == null ? null : newestComplaint.receivedAt(),
                complaints.stream().map(HealthFacts.Fact::id).toList()));

        Weighing weighing = weigh(inputs);
        if (!weighing.complete) {
            return incomplete(Dimension.CX, "RULES", weighing, null, null);
        }
        Color color = weighing.inputs.stream().filter(ScoreInput::counts).map(ScoreInput::color)
                .max(Comparator.naturalOrder()).orElseThrow();
        String reason = String.join("; ", weighing.inputs.stream().filter(ScoreInput::counts)
                .filter(i -> i.color() != Color.GREEN)
                .map(i -> i.key() + " " + (i.value() == null ? "none" : i.value().toPlainString()) + " " + i.color())
                .toList());
        return new DimensionScore(Dimension.CX, weighing.score, color, Dimension.CX.label(color), true, "RULES",
                weighing.presentWeight, null, null, reason.isEmpty() ? "every input GREEN" : reason, List.of(),
                weighing.missing, weighing.inputs);
    }

    // ---- ADOPTION (§3.3) = DMI ----

    private DimensionScore adoption(DmiSheet sheet) {
        List<ScoreInput> inputs = sheet.insights().stream().map(line -> line.counts()
                ? new ScoreInput(line.code(), line.code(), line.coverage(), "ratio",
                        line.coverage().multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP),
                        BigDecimal.valueOf(line.weight()), null, line.contribution(), InputStatus.OK, null, 1, null,
                        line.observedAt(), null, List.of())
                : new ScoreInput(line.code(), line.code(), line.coverage(), "ratio", null,
                        BigDecimal.valueOf(line.weight()), null, null,
                        line.status() == InsightStatus.EXPIRED ? InputStatus.EXPIRED : InputStatus.MISSING, null, 0,
                        null, line.observedAt(), null, List.of())).toList();
        List<String> missing = inputs.stream().filter(i -> !i.counts()).map(ScoreInput::key).toList();
        if (!sheet.complete()) {
            return new DimensionScore(Dimension.ADOPTION, null, null, Dimension.ADOPTION.label(null), false, "BANDS",
                    sheet.completeness(), sheet.band(), sheet.profile().name(), "Insufficient data", List.of(), missing,
                    inputs);
        }
        return new DimensionScore(Dimension.ADOPTION, sheet.dmi(), sheet.color(), Dimension.ADOPTION.label(sheet.color()),
                true, "BANDS", sheet.completeness(), sheet.band(), sheet.profile().name(),
                "DMI " + sheet.dmi().toPlainString() + " on " + sheet.profile() + " bands", List.of(), missing, inputs);
    }

    // ---- ENGAGEMENT (§3.5) ----

    private List<ScoreInput> engagementInputs(HealthFacts facts, Instant now) {
        HealthModel.Weighted w = model.engagement();
        List<ScoreInput> inputs = new ArrayList<>();
        List<HealthFacts.HeldMeeting> held90 = held(facts, now, SHORT_WINDOW);
        List<HealthFacts.MissedMeeting> missed90 = facts.misses().stream().filter(HealthFacts.MissedMeeting::strategic)
                .filter(m -> within(m.dueAt(), now, SHORT_WINDOW)).filter(m -> !"NO_RECAP".equals(m.reason())).toList();
        long onTime = held90.stream().filter(HealthFacts.HeldMeeting::onTime).count();
        inputs.add(ratioInput("cadenceAdherence", "Strategic meetings held on time", onTime,
                onTime + missed90.size(), 1, w.weight("cadenceAdherence"), "P90D", newestHeld(held90), List.of()));
        List<HealthFacts.HeldMeeting> held180 = held(facts, now, LONG_WINDOW);
        long mixed = held180.stream().filter(m -> m.decisionMakerPresent() || m.execSponsorPresent()).count();
        inputs.add(ratioInput("stakeholderMix", "Held with a decision maker or exec sponsor", mixed, held180.size(), 1,
                w.weight("stakeholderMix"), "P180D", newestHeld(held180), List.of()));
        inputs.add(decisionVelocity(facts, now, w.weight("decisionVelocity")));
        inputs.add(followUp("followUpClosure", facts, now, w.weight("followUpClosure")));
        return inputs;
    }

    private ScoreInput followUp(String key, HealthFacts facts, Instant now, BigDecimal weight) {
        List<HealthFacts.HeldMeeting> due = held(facts, now, SHORT_WINDOW).stream()
                .filter(m -> m.recapDueAt() != null && !m.recapDueAt().isAfter(now)).toList();
        long onTime = due.stream().filter(m -> Boolean.TRUE.equals(m.recapOnTime())).count();
        return ratioInput(key, "Recaps sent on time", onTime, due.size(), 1, weight, "P90D", newestHeld(due), List.of());
    }

    private ScoreInput decisionVelocity(HealthFacts facts, Instant now, BigDecimal weight) {
        List<BigDecimal> days = new ArrayList<>();
        Instant newest = null;
        for (HealthFacts.Proposal proposal : facts.proposals()) {
            if (!within(proposal.sentAt(), now, LONG_WINDOW)) {
                continue;
            }
            Instant end = proposal.decidedAt() != null ? proposal.decidedAt() : proposal.closedAt();
            if (end == null) {
                if (Duration.between(proposal.sentAt(), now).toDays() < OPEN_PROPOSAL_DAYS) {
                    continue;
                }
                end = now;
            }
            days.add(BigDecimal.valueOf(Duration.between(proposal.sentAt(), end).toMinutes())
                    .divide(BigDecimal.valueOf(24 * 60), 2, RoundingMode.HALF_UP));
            newest = newest == null || proposal.sentAt().isAfter(newest) ? proposal.sentAt() : newest;
        }
        if (days.isEmpty()) {
            return missing("decisionVelocity", "Median days from proposal to decision", "days", weight, "P180D",
                    InputStatus.MISSING);
        }
        BigDecimal median = median(days);
        BigDecimal sub = clamp(new BigDecimal("1.25").multiply(BigDecimal.valueOf(90).subtract(median)));
        return ok("decisionVelocity", "Median days from proposal to decision", median, "days", sub, weight, null,
                days.size(), "P180D", newest, null, List.of());
    }

    private DimensionScore engagement(HealthFacts facts, BandProfile profile, Map<String, Color> lastColors, Instant now) {
        List<ScoreInput> inputs = engagementInputs(facts, now);
        return banded(Dimension.ENGAGEMENT, inputs, profile, lastColors, engagementGuardrails(inputs, facts, now));
    }

    private List<DimensionScore.Guardrail> engagementGuardrails(List<ScoreInput> inputs, HealthFacts facts, Instant now) {
        List<DimensionScore.Guardrail> guardrails = new ArrayList<>();
        for (String key : List.of("cadenceAdherence", "followUpClosure")) {
            ScoreInput input = inputs.stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
            if (input.counts()) {
                guardrails.add(new DimensionScore.Guardrail(key + "_BELOW_80",
                        input.subScore().compareTo(GUARDRAIL_LIMIT) < 0, input.subScore(), GUARDRAIL_LIMIT));
            }
        }
        List<HealthFacts.HeldMeeting> qbrs = facts.meetings().stream()
                .filter(m -> "QBR".equals(m.meetingType()) || "EXECUTIVE_QBR".equals(m.meetingType()))
                .filter(m -> !m.heldAt().isAfter(now) && m.recapDueAt() != null && !m.recapDueAt().isAfter(now))
                .sorted(Comparator.comparing(HealthFacts.HeldMeeting::heldAt).reversed()).limit(2).toList();
        if (qbrs.size() == 2) {
            boolean fired = qbrs.stream().allMatch(m -> m.decisions() == 0);
            guardrails.add(new DimensionScore.Guardrail("QBRS_WITHOUT_DECISIONS", fired,
                    BigDecimal.valueOf(qbrs.stream().mapToInt(HealthFacts.HeldMeeting::decisions).sum()), BigDecimal.ONE));
        }
        return guardrails;
    }

    // ---- SERVICE_QUALITY (§3.6) ----

    private List<ScoreInput> qualityInputs(HealthFacts facts, Instant now) {
        HealthModel.Weighted w = model.quality();
        List<HealthFacts.Ticket> closed = facts.tickets().stream().filter(t -> within(t.closedAt(), now, SHORT_WINDOW)).toList();
        Instant newestTicket = closed.stream().map(HealthFacts.Ticket::closedAt).max(Comparator.naturalOrder()).orElse(null);
        Instant newestTicketReceived = closed.stream().map(HealthFacts.Ticket::receivedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        List<ScoreInput> inputs = new ArrayList<>();
        long met = closed.stream().filter(HealthFacts.Ticket::slaMet).count();
        inputs.add(withReceived(ratioInput("slaAttainment", "Tickets with both SLAs met", met, closed.size(), MIN_TICKETS,
                w.weight("slaAttainment"), "P90D", newestTicket, ids(closed, HealthFacts.Ticket::id)), newestTicketReceived));
        List<HealthFacts.Milestone> due = facts.milestones().stream().filter(m -> within(m.dueAt(), now, SHORT_WINDOW)).toList();
        long onTime = due.stream().filter(m -> m.completedAt() != null && !m.completedAt().isAfter(m.dueAt())).count();
        inputs.add(ratioInput("milestonesOnTime", "Milestones completed by their due date", onTime, due.size(), 1,
                w.weight("milestonesOnTime"), "P90D",
                due.stream().map(HealthFacts.Milestone::dueAt).max(Comparator.naturalOrder()).orElse(null),
                ids(due, HealthFacts.Milestone::id)));
        if (closed.size() < MIN_TICKETS) {
            inputs.add(missing("reopenRate", "Tickets reopened within 30 days", "ratio", w.weight("reopenRate"), "P90D",
                    closed.isEmpty() ? InputStatus.MISSING : InputStatus.TOO_FEW));
        } else {
            long reopened = closed.stream().filter(HealthFacts.Ticket::reopened).count();
            BigDecimal rate = ratio(reopened, closed.size());
            BigDecimal sub = HUNDRED.subtract(BigDecimal.valueOf(5).multiply(rate.multiply(HUNDRED))).max(BigDecimal.ZERO)
                    .setScale(2, RoundingMode.HALF_UP);
            inputs.add(ok("reopenRate", "Tickets reopened within 30 days", rate, "ratio", sub, w.weight("reopenRate"),
                    null, closed.size(), "P90D", newestTicket, newestTicketReceived, ids(closed, HealthFacts.Ticket::id)));
        }
        ScoreInput followUp = followUp("followThrough", facts, now, w.weight("followThrough"));
        inputs.add(followUp);
        return inputs;
    }

    // ---- ALIGNMENT (§3.7) ----

    private List<ScoreInput> alignmentInputs(HealthFacts facts, Instant now) {
        HealthModel.Weighted w = model.alignment();
        List<ScoreInput> inputs = new ArrayList<>();
        HealthFacts.ServiceCoverage presence = facts.serviceCoverage();
        if (presence == null) {
            inputs.add(missing("presence", "Menu deliverables in place", "ratio", w.weight("presence"), null, InputStatus.MISSING));
        } else if (!within(presence.observedAt(), now, PRESENCE_MAX_AGE)) {
            inputs.add(new ScoreInput("presence", "Menu deliverables in place", ratio(presence.delivered(), presence.expected()),
                    "ratio", null, w.weight("presence"), null, null, InputStatus.EXPIRED, null, 1, null,
                    presence.observedAt(), presence.receivedAt(), List.of(presence.id())));
        } else {
            BigDecimal value = ratio(presence.delivered(), presence.expected());
            inputs.add(ok("presence", "Menu deliverables in place", value, "ratio", percent(value), w.weight("presence"),
                    null, presence.expected(), null, presence.observedAt(), presence.receivedAt(), List.of(presence.id())));
        }
        List<HealthFacts.Survey> answers = facts.surveys().stream().filter(s -> "ALIGNMENT".equals(s.survey()))
                .filter(s -> within(s.observedAt(), now, LONG_WINDOW)).toList();
        if (answers.isEmpty()) {
            inputs.add(missing("perception", "Alignment survey answers", "score_1_5", w.weight("perception"), "P180D",
                    InputStatus.MISSING));
        } else {
            BigDecimal mean = mean(answers.stream().map(HealthFacts.Survey::score).toList());
            HealthFacts.Survey newest = answers.stream().max(Comparator.comparing(HealthFacts.Survey::observedAt)).orElseThrow();
            inputs.add(ok("perception", "Alignment survey answers", mean, "score_1_5", scaleOf5(mean),
                    w.weight("perception"), null, answers.size(), "P180D", newest.observedAt(), newest.receivedAt(),
                    ids(answers, HealthFacts.Survey::id)));
        }
        List<HealthFacts.HeldMeeting> held = held(facts, now, LONG_WINDOW);
        long missed = facts.misses().stream().filter(HealthFacts.MissedMeeting::strategic)
                .filter(m -> within(m.dueAt(), now, LONG_WINDOW)).count();
        inputs.add(ratioInput("performance", "Strategic meetings held", held.size(), held.size() + missed, 1,
                w.weight("performance"), "P180D", newestHeld(held), List.of()));
        return inputs;
    }

    // ---- shared mechanics (§3.1, §3.2) ----

    private DimensionScore banded(Dimension dimension, List<ScoreInput> inputs, BandProfile profile,
                                  Map<String, Color> lastColors, List<DimensionScore.Guardrail> guardrails) {
        Weighing weighing = weigh(inputs);
        Band band = model.band(dimension.name(), profile);
        if (!weighing.complete) {
            return incomplete(dimension, "BANDS", weighing, band, profile.name());
        }
        Color banded = band.colorOf(weighing.score, lastColors.get(dimension.name()), model.colorMargin());
        List<DimensionScore.Guardrail> fired = guardrails.stream().filter(DimensionScore.Guardrail::fired).toList();
        Color color = fired.isEmpty() ? banded : Color.RED;
        String reason = fired.isEmpty()
                ? weighing.score.toPlainString() + " on " + profile + " bands (" + band.greenMin().toPlainString() + "/"
                + band.redBelow().toPlainString() + ")"
                : "guardrail " + String.join(", ", fired.stream().map(g -> g.code() + " " + g.value().toPlainString()).toList());
        return new DimensionScore(dimension, weighing.score, color, dimension.label(color), true, "BANDS",
                weighing.presentWeight, band, profile.name(), reason, guardrails, weighing.missing, weighing.inputs);
    }

    private DimensionScore incomplete(Dimension dimension, String method, Weighing weighing, Band band, String profile) {
        return new DimensionScore(dimension, null, null, dimension.label(null), false, method, weighing.presentWeight,
                band, profile, "Insufficient data", List.of(), weighing.missing, weighing.inputs);
    }

    private record Weighing(List<ScoreInput> inputs, BigDecimal presentWeight, boolean complete, BigDecimal score,
                            List<String> missing) {
    }

    /** Σ wᵢ·sᵢ / Σ wᵢ over OK inputs; each OK input gets its effective weight and contribution. */
    private Weighing weigh(List<ScoreInput> inputs) {
        BigDecimal present = inputs.stream().filter(ScoreInput::counts).map(ScoreInput::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> missing = inputs.stream().filter(i -> !i.counts()).map(ScoreInput::key).toList();
        boolean complete = present.signum() > 0 && present.compareTo(model.na().minWeightPresent()) >= 0;
        if (present.signum() == 0) {
            return new Weighing(inputs, present, false, null, missing);
        }
        BigDecimal weighted = inputs.stream().filter(ScoreInput::counts).map(i -> i.weight().multiply(i.subScore()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = weighted.divide(present, 2, RoundingMode.HALF_UP);
        List<ScoreInput> weighed = inputs.stream().map(i -> {
            if (!i.counts()) {
                return i;
            }
            BigDecimal effective = i.weight().divide(present, 4, RoundingMode.HALF_UP);
            BigDecimal contribution = i.weight().multiply(i.subScore()).divide(present, 2, RoundingMode.HALF_UP);
            return i.weighed(effective, contribution);
        }).toList();
        return new Weighing(weighed, present, complete, complete ? score : null, missing);
    }

    private static ScoreInput ratioInput(String key, String label, long part, long whole, int minimum, BigDecimal weight,
                                         String window, Instant asOf, List<String> evidence) {
        if (whole == 0) {
            return missing(key, label, "ratio", weight, window, InputStatus.MISSING);
        }
        if (whole < minimum) {
            return new ScoreInput(key, label, null, "ratio", null, weight, null, null, InputStatus.TOO_FEW, null,
                    (int) whole, window, asOf, null, evidence);
        }
        BigDecimal value = ratio(part, whole);
        return ok(key, label, value, "ratio", percent(value), weight, null, (int) whole, window, asOf, null, evidence);
    }

    private static ScoreInput withReceived(ScoreInput input, Instant receivedAt) {
        return new ScoreInput(input.key(), input.label(), input.value(), input.unit(), input.subScore(), input.weight(),
                input.effectiveWeight(), input.contribution(), input.status(), input.color(), input.sampleSize(),
                input.window(), input.asOf(), receivedAt, input.evidence());
    }

    private static ScoreInput ok(String key, String label, BigDecimal value, String unit, BigDecimal subScore,
                                 BigDecimal weight, Color color, int sampleSize, String window, Instant asOf,
                                 Instant receivedAt, List<String> evidence) {
        return new ScoreInput(key, label, value, unit, subScore.setScale(2, RoundingMode.HALF_UP), weight, null, null,
                InputStatus.OK, color, sampleSize, window, asOf, receivedAt,
                evidence.size() > 10 ? evidence.subList(0, 10) : evidence);
    }

    private static ScoreInput missing(String key, String label, String unit, BigDecimal weight, String window,
                                      InputStatus status) {
        return new ScoreInput(key, label, null, unit, null, weight, null, null, status, null, 0, window, null, null,
                List.of());
    }

    private static List<HealthFacts.HeldMeeting> held(HealthFacts facts, Instant now, int days) {
        return facts.meetings().stream().filter(HealthFacts.HeldMeeting::strategic)
                .filter(m -> within(m.heldAt(), now, days)).toList();
    }

    private static Instant newestHeld(List<HealthFacts.HeldMeeting> meetings) {
        return meetings.stream().map(HealthFacts.HeldMeeting::heldAt).max(Comparator.naturalOrder()).orElse(null);
    }

    private static <T> List<String> ids(List<T> facts, java.util.function.Function<T, String> id) {
        return facts.stream().map(id).filter(Objects::nonNull).limit(10).toList();
    }

    /** "Last N days" = (now − N d, now]. */
    static boolean within(Instant at, Instant now, int days) {
        return at != null && at.isAfter(now.minus(Duration.ofDays(days))) && !at.isAfter(now);
    }

    static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(BigDecimal ratio) {
        return ratio.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /** A 1–5 answer mean, rounded to 2 dp first, onto 0–100: (mean − 1) / 4 · 100. */
    private static BigDecimal scaleOf5(BigDecimal mean) {
        return mean.subtract(BigDecimal.ONE).multiply(HUNDRED).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(List<Integer> scores) {
        int sum = scores.stream().mapToInt(Integer::intValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    }

    /** Even count → mean of the middle two. */
    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp(BigDecimal value) {
        return value.max(BigDecimal.ZERO).min(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /** The dimension scores by dimension (null = incomplete). */
    public static Map<Dimension, BigDecimal> scores(HealthScore score) {
        Map<Dimension, BigDecimal> map = new EnumMap<>(Dimension.class);
        score.dimensions().forEach(d -> map.put(d.dimension(), d.score()));
        return map;
    }
}
