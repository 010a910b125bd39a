package io.mspcs.cadence.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rule AR-RED (cadence.md §4.2, §10.7–8): the composite health turning RED opens one AT_RISK/COLOR_RED CTA per
 * client, HIGH with a 4-business-hour acknowledgement for a high-value client (segment A or B, or MRR band VIP or
 * HIGH), else MEDIUM with one business day; due in 30 d; CSM (TAM for D). It closes BASELINE_SUSTAINED once the
 * composite has stayed at or above the colour it had before the red (GREEN if none) for 30 days in a row.
 */
public final class AtRiskRule {

    public static final String RULE_ID = "AR-RED";
    public static final String BASELINE_INPUT = "baselineColor";
    public static final Duration SUSTAIN = Duration.ofDays(30);

    private AtRiskRule() {
    }

    public static String dedupeKey(UUID clientId) {
        return RuleCta.dedupeKey(clientId, RULE_ID, null);
    }

    public static boolean highValue(Optional<Segment> segment, String mrrBand) {
        return segment.map(Segment::highTouch).orElse(false) || "VIP".equals(mrrBand) || "HIGH".equals(mrrBand);
    }

    /** The colour the client must hold again: the one before the red, GREEN when health sent none. */
    public static String baseline(String previousColor) {
        return previousColor == null || previousColor.isBlank() ? "GREEN" : previousColor;
    }

    /** GREEN above YELLOW above RED; an unknown colour counts as below every baseline. */
    public static boolean atOrAbove(String color, String baseline) {
        return rank(color) >= rank(baseline);
    }

    /** The exit timer: exact duration from the health change that reached the baseline (§4.3 inactivity). */
    public static Instant exitAt(Instant baselineReachedAt) {
        return baselineReachedAt.plus(SUSTAIN);
    }

    public static RuleCta cta(UUID clientId, Optional<Segment> segment, String mrrBand, String previousColor,
                              Instant slaStartAt, SlaCalculator sla) {
        boolean high = highValue(segment, mrrBand);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("previousColor", previousColor);
        inputs.put(BASELINE_INPUT, baseline(previousColor));
        inputs.put("segment", segment.map(Segment::name).orElse(null));
        inputs.put("mrrBand", mrrBand);
        inputs.put("highValue", high);
        Role owner = segment.filter(s -> s == Segment.D).isPresent() ? Role.TAM : Role.CSM;
        return new RuleCta(RULE_ID, CtaKind.AT_RISK, "COLOR_RED", "Client at risk: composite health RED",
                high ? Priority.HIGH : Priority.MEDIUM, owner, null, slaStartAt,
                sla.dueAt(slaStartAt, SlaOffset.parse(high ? "4bh" : "1bd")), sla.dueAt(slaStartAt, SlaOffset.parse("30d")),
                "at-risk", "RESET_CALL", dedupeKey(clientId), inputs);
    }

    public static CtaReason sustainedReason(UUID timerId, String baseline, Instant since, Integer ruleVersion) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("timerId", timerId.toString());
        inputs.put(BASELINE_INPUT, baseline);
        inputs.put("since", since.toString());
        return new CtaReason("BASELINE_SUSTAINED", "Composite health held " + baseline + " for 30 days", RULE_ID,
                ruleVersion, inputs);
    }

    private static int rank(String color) {
        return switch (color == null ? "" : color) {
            case "GREEN" -> 2;
            case "YELLOW" -> 1;
            case "RED" -> 0;
            default -> -1;
        };
    }
}
