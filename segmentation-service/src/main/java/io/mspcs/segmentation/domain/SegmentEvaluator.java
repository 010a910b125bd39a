package io.mspcs.segmentation.domain;

import io.mspcs.segmentation.domain.SegmentAssignment.Basis;
import io.mspcs.segmentation.domain.SegmentAssignment.HeldBy;
import io.mspcs.segmentation.domain.SegmentAssignment.Hold;
import io.mspcs.segmentation.domain.SegmentAssignment.InputHealth;
import io.mspcs.segmentation.domain.SegmentAssignment.SegmentReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The resolution order and guards of segmentation.md §3.5: one evaluation per trigger, pure. */
public final class SegmentEvaluator {

    private SegmentEvaluator() {
    }

    public enum Trigger {
        HEALTH(true, null), SIGNAL(true, null), MRR(true, null), SWEEP(true, null), POLICY(false, "POLICY_CHANGED"),
        OVERRIDE_SET(false, "OVERRIDE_SET"), OVERRIDE_EXPIRED(false, "OVERRIDE_EXPIRED"),
        OVERRIDE_REMOVED(false, "OVERRIDE_REMOVED");

        private final boolean dwell;
        private final String code;

        Trigger(boolean dwell, String code) {
            this.dwell = dwell;
            this.code = code;
        }
    }

    public enum HistoryKind { ASSIGNED, CHANGED, HELD, OVERRIDE_SET, OVERRIDE_ENDED }

    /** The axis values to use (new ones from a score, or the stored ones) and the score behind them. */
    public record Axes(BigDecimal maturity, BigDecimal appetite, InputHealth inputHealth) {
        public static Axes of(SegmentAssignment current) {
            return new Axes(current.maturity(), current.appetite(), current.inputHealth());
        }
    }

    public record Context(SegmentationPolicy policy, BigDecimal mrr, MrrBand band, ClientSignals signals, Instant now) {
        LocalDate today() {
            return now.atZone(ZoneOffset.UTC).toLocalDate();
        }
    }

    /** The next record, whether the letter changed and which material fields did (empty = emit nothing). */
    public record Evaluation(SegmentAssignment next, Segment from, boolean letterChanged, List<String> changed,
                             HistoryKind historyKind) {
        public boolean material() {
            return letterChanged || !changed.isEmpty();
        }
    }

    /** A new client: the provisional default, band and investment from its MRR (§3.9). */
    public static SegmentAssignment provisional(Context context) {
        SegmentationPolicy policy = context.policy();
        Segment segment = policy.provisionalSegment();
        return new SegmentAssignment(segment, Basis.PROVISIONAL, segment, true, null, null, null, null,
                SegmentAssignment.goalLevel(segment, null, null, policy.axes().innovationThreshold()), context.band(),
                new SegmentReason("PROVISIONAL_DEFAULT", "no health score yet → provisional " + segment, Map.of()),
                policy.version(), context.now(), context.now(), null, null, null,
                FreezeStatus.evaluate(context.signals(), policy.freeze(), context.now()),
                null, InvestmentPlan.of(context.mrr(), context.band(), segment, policy.investment()));
    }

    public static Evaluation evaluate(SegmentAssignment current, Axes axes, Trigger trigger, Context context) {
        SegmentationPolicy policy = context.policy();
        Instant now = context.now();
        var axisPolicy = policy.axes();
        Level maturityLevel = Level.next(current.maturityLevel(), axes.maturity(), axisPolicy.highThreshold(), axisPolicy.hysteresisMargin());
        Level appetiteLevel = Level.next(current.appetiteLevel(), axes.appetite(), axisPolicy.highThreshold(), axisPolicy.hysteresisMargin());
        Segment quadrant = maturityLevel == null || appetiteLevel == null ? null : Segment.of(maturityLevel, appetiteLevel);

        boolean wasPromoted = current.computedSegment() == Segment.B && current.quadrant() == Segment.C;
        PromotionCheck promotion = quadrant == Segment.C && policy.promotion().enabled()
                ? PromotionCheck.evaluate(context.signals().dmiReadings(), context.signals().cadence(), context.today(),
                policy.promotion(), wasPromoted)
                : null;
        Segment computed;
        String computedCode;
        if (quadrant == null) {
            computed = current.computedSegment() != null ? current.computedSegment() : policy.provisionalSegment();
            computedCode = current.provisional() ? "PROVISIONAL_DEFAULT" : current.reason().code();
        } else if (promotion != null && promotion.eligible()) {
            computed = Segment.B;
            computedCode = "PROMOTION_RULE";
        } else if (quadrant == Segment.C && wasPromoted) {
            computed = Segment.C;
            computedCode = "PROMOTION_REVOKED";
        } else {
            computed = quadrant;
            computedCode = "QUADRANT";
        }

        boolean first = current.provisional() && quadrant != null;
        boolean provisional = current.provisional() && !first;
        FreezeStatus freeze = FreezeStatus.evaluate(context.signals(), policy.freeze(), now);
        Segment effective = current.segment();
        Hold hold = current.hold();
        String appliedCode = null;
        if (current.override() != null) {
            effective = current.override().segment();
            hold = null;
            if (trigger == Trigger.OVERRIDE_SET) {
                appliedCode = trigger.code;
            }
        } else if (first) {
            effective = computed;
            hold = null;
            appliedCode = "FIRST_HEALTH_SCORE";
        } else if (computed == effective) {
            hold = null;
            if (trigger.code != null && current.basis() == Basis.OVERRIDE) {
                appliedCode = trigger.code;
            }
        } else if (computed.below(effective) && freeze.active()) {
            hold = hold(current.hold(), computed, HeldBy.FREEZE, freeze.until(), now);
        } else if (trigger.dwell && now.isBefore(dwellEnd(current.lastChangeAt(), policy.minDwellDays()))) {
            hold = hold(current.hold(), computed, HeldBy.DWELL, dwellEnd(current.lastChangeAt(), policy.minDwellDays()), now);
        } else {
            appliedCode = trigger.code != null ? trigger.code
                    : current.hold() != null && current.hold().segment() == computed ? "HOLD_RELEASED" : computedCode;
            effective = computed;
            hold = null;
        }

        Basis basis = current.override() != null ? Basis.OVERRIDE : provisional ? Basis.PROVISIONAL : Basis.COMPUTED;
        BigDecimal maturity = axes.maturity() != null ? axes.maturity() : current.maturity();
        BigDecimal appetite = axes.appetite() != null ? axes.appetite() : current.appetite();
        boolean letterChanged = effective != current.segment();
        SegmentReason reason = reason(letterChanged || appliedCode != null ? appliedCode : computedCode,
                current, maturity, appetite, maturityLevel, appetiteLevel, computed, effective, hold, promotion);
        InvestmentPlan investment = InvestmentPlan.of(context.mrr(), context.band(), effective, policy.investment());
        SegmentAssignment candidate = new SegmentAssignment(effective, basis, computed, provisional, maturity, appetite,
                maturityLevel, appetiteLevel, SegmentAssignment.goalLevel(effective, maturity, appetite, axisPolicy.innovationThreshold()),
                context.band(), reason, policy.version(), current.computedAt(),
                letterChanged ? now : current.lastChangeAt(),
                axes.inputHealth() != null ? axes.inputHealth() : current.inputHealth(), current.override(), hold, freeze,
                promotion, investment);
        List<String> changed = changes(current, candidate);
        if (letterChanged || !changed.isEmpty()) {
            candidate = new SegmentAssignment(effective, basis, computed, provisional, maturity, appetite, maturityLevel,
                    appetiteLevel, candidate.goalLevel(), candidate.mrrBand(), reason, policy.version(), now,
                    candidate.lastChangeAt(), candidate.inputHealth(), candidate.override(), hold, freeze, promotion, investment);
        } else {
            // Nothing material: keep the explanation of the last change, refresh only the inputs.
            candidate = new SegmentAssignment(effective, basis, computed, provisional, maturity, appetite, maturityLevel,
                    appetiteLevel, candidate.goalLevel(), candidate.mrrBand(), current.reason(), policy.version(),
                    current.computedAt(), candidate.lastChangeAt(), candidate.inputHealth(), candidate.override(), hold,
                    freeze, promotion, investment);
        }
        HistoryKind kind = letterChanged ? HistoryKind.CHANGED
                : hold != null && !hold.sameAs(current.hold()) && (current.hold() == null
                || current.hold().segment() != hold.segment() || current.hold().heldBy() != hold.heldBy())
                ? HistoryKind.HELD : HistoryKind.ASSIGNED;
        return new Evaluation(candidate, current.segment(), letterChanged, changed, kind);
    }

    /** Dwell ends at 00:00 of date(lastChangeAt) + minDwellDays. */
    static Instant dwellEnd(Instant lastChangeAt, int days) {
        return lastChangeAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Hold hold(Hold existing, Segment segment, HeldBy heldBy, Instant until, Instant now) {
        Instant since = existing != null && existing.segment() == segment && existing.heldBy() == heldBy ? existing.since() : now;
        return new Hold(segment, heldBy, since, until);
    }

    private static List<String> changes(SegmentAssignment from, SegmentAssignment to) {
        List<String> changed = new ArrayList<>();
        add(changed, "basis", from.basis(), to.basis());
        add(changed, "provisional", from.provisional(), to.provisional());
        add(changed, "computedSegment", from.computedSegment(), to.computedSegment());
        add(changed, "maturityLevel", from.maturityLevel(), to.maturityLevel());
        add(changed, "appetiteLevel", from.appetiteLevel(), to.appetiteLevel());
        add(changed, "mrrBand", from.mrrBand(), to.mrrBand());
        add(changed, "tier", from.investment() == null ? null : from.investment().tier(), to.investment().tier());
        add(changed, "goalLevel", from.goalLevel(), to.goalLevel());
        boolean holdSame = from.hold() == null ? to.hold() == null : from.hold().sameAs(to.hold());
        if (!holdSame) {
            changed.add("hold");
        }
        add(changed, "promotion", from.promotion() != null && from.promotion().eligible(),
                to.promotion() != null && to.promotion().eligible());
        add(changed, "override", from.override() == null ? null : from.override().id(),
                to.override() == null ? null : to.override().id());
        return changed;
    }

    private static void add(List<String> changed, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changed.add(field);
        }
    }

    private static SegmentReason reason(String code, SegmentAssignment current, BigDecimal maturity, BigDecimal appetite,
                                        Level maturityLevel, Level appetiteLevel, Segment computed, Segment effective,
                                        Hold hold, PromotionCheck promotion) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("maturity", maturity);
        inputs.put("appetite", appetite);
        inputs.put("maturityLevel", maturityLevel);
        inputs.put("appetiteLevel", appetiteLevel);
        inputs.put("computedSegment", computed);
        if (promotion != null) {
            inputs.put("latestDmi", promotion.latestDmi());
            inputs.put("dmiRunStart", promotion.dmiRunStart());
        }
        String axes = maturityLevel == null || appetiteLevel == null ? "axes unknown"
                : "maturity " + maturity + " (" + maturityLevel.name().toLowerCase() + ") × appetite " + appetite
                + " (" + appetiteLevel.name().toLowerCase() + ")";
        String text = switch (code) {
            case "PROMOTION_RULE", "PROMOTION_REVOKED" -> axes + "; " + promotion.rule() + " → " + computed;
            case "HOLD_RELEASED" -> "hold ended → " + effective;
            case "OVERRIDE_SET" -> "override → " + effective;
            case "OVERRIDE_EXPIRED", "OVERRIDE_REMOVED" -> "override ended, fallback to computed " + computed
                    + (hold != null ? " held at " + effective : "");
            case "PROVISIONAL_DEFAULT" -> "no full health score yet → provisional " + effective;
            default -> axes + " → " + computed;
        };
        if (hold != null && !"OVERRIDE_EXPIRED".equals(code) && !"OVERRIDE_REMOVED".equals(code)) {
            text = text + ", held at " + effective + " (" + hold.heldBy() + (hold.until() == null ? "" : " until " + hold.until()) + ")";
        }
        return new SegmentReason(code, text, inputs);
    }
}
