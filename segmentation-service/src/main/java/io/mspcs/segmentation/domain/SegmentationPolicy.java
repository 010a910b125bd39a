package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tenant's segmentation policy (segmentation.md §2.6); version 1 holds the defaults. Versions are never edited. */
public record SegmentationPolicy(int version, String currency, Axes axes, Segment provisionalSegment, int minDwellDays,
                                 Freeze freeze, Promotion promotion, MrrBands mrrBands, Investment investment,
                                 Capacity capacity, Map<Segment, List<TeamRole>> requiredRoles) {

    public record Axes(Map<String, BigDecimal> maturityWeights, Map<String, BigDecimal> appetiteWeights,
                       BigDecimal highThreshold, BigDecimal hysteresisMargin, BigDecimal innovationThreshold) {
    }

    public record Freeze(int days, List<String> negativeCtaKinds, boolean redColorIsNegative) {
    }

    public record Promotion(boolean enabled, BigDecimal dmiThreshold, BigDecimal dmiKeepAbove, int sustainDays,
                            int maxReadingAgeDays, boolean requireMeetingHeld) {
    }

    public enum BandMethod { FIXED, EQUAL_REVENUE }

    public record MrrBands(BandMethod method, BigDecimal vip, BigDecimal high, BigDecimal mid) {
    }

    public enum KeyedBy { MRR_BAND, SEGMENT }

    public record Investment(KeyedBy keyedBy, Map<MrrBand, Tier> byBand, Map<Segment, Tier> bySegment,
                             Map<Tier, Integer> tierPct, BigDecimal hourlyCost, int proactivePct) {
    }

    public record Capacity(BigDecimal redYellowMaxPct, int minScoredAccounts,
                           Map<TeamRole, Map<Segment, Integer>> maxAccounts, Map<TeamRole, BigDecimal> roleHourShare) {
    }

    public static SegmentationPolicy defaults() {
        Map<String, BigDecimal> maturity = new LinkedHashMap<>();
        maturity.put("ADOPTION", dec("0.4"));
        maturity.put("SERVICE_QUALITY", dec("0.3"));
        maturity.put("ENGAGEMENT", dec("0.2"));
        maturity.put("ALIGNMENT", dec("0.1"));
        Map<String, BigDecimal> appetite = new LinkedHashMap<>();
        appetite.put("CX", dec("0.4"));
        appetite.put("ENGAGEMENT", dec("0.3"));
        appetite.put("ADOPTION", dec("0.2"));
        appetite.put("ALIGNMENT", dec("0.1"));
        Map<Tier, Integer> pct = new EnumMap<>(Tier.class);
        pct.put(Tier.BOUTIQUE, 9);
        pct.put(Tier.PREMIUM, 7);
        pct.put(Tier.STANDARD, 5);
        pct.put(Tier.VALUE, 3);
        pct.put(Tier.COST_DRIVER, 1);
        Map<TeamRole, Map<Segment, Integer>> maxAccounts = new EnumMap<>(TeamRole.class);
        maxAccounts.put(TeamRole.CSM, perSegment(15, 25, 50, 100));
        maxAccounts.put(TeamRole.VCIO, perSegment(10, 20, 40, 80));
        maxAccounts.put(TeamRole.TAM, perSegment(20, 30, 50, 100));
        maxAccounts.put(TeamRole.AM, perSegment(25, 40, 75, 150));
        Map<TeamRole, BigDecimal> hourShare = new EnumMap<>(TeamRole.class);
        hourShare.put(TeamRole.CSM, dec("0.4"));
        hourShare.put(TeamRole.VCIO, dec("0.3"));
        hourShare.put(TeamRole.TAM, dec("0.2"));
        hourShare.put(TeamRole.AM, dec("0.1"));
        Map<Segment, List<TeamRole>> required = new EnumMap<>(Segment.class);
        required.put(Segment.A, List.of(TeamRole.CSM, TeamRole.VCIO, TeamRole.AM));
        required.put(Segment.B, List.of(TeamRole.CSM, TeamRole.VCIO));
        required.put(Segment.C, List.of(TeamRole.CSM, TeamRole.TAM));
        required.put(Segment.D, List.of(TeamRole.TAM));
        return new SegmentationPolicy(1, "USD",
                new Axes(maturity, appetite, dec("3.0"), dec("0.2"), dec("4.0")),
                Segment.C, 30,
                new Freeze(90, List.of("AT_RISK"), true),
                new Promotion(true, dec("70.0"), dec("65.0"), 90, 30, true),
                new MrrBands(BandMethod.FIXED, dec("10000.00"), dec("5000.00"), dec("2500.00")),
                new Investment(KeyedBy.MRR_BAND,
                        Map.of(MrrBand.VIP, Tier.BOUTIQUE, MrrBand.HIGH, Tier.PREMIUM, MrrBand.MID, Tier.STANDARD, MrrBand.LOW, Tier.VALUE),
                        Map.of(Segment.A, Tier.BOUTIQUE, Segment.B, Tier.PREMIUM, Segment.C, Tier.STANDARD, Segment.D, Tier.VALUE),
                        pct, dec("80.00"), 60),
                new Capacity(dec("30"), 5, maxAccounts, hourShare),
                required);
    }

    public SegmentationPolicy withVersion(int newVersion) {
        return new SegmentationPolicy(newVersion, currency, axes, provisionalSegment, minDwellDays, freeze, promotion,
                mrrBands, investment, capacity, requiredRoles);
    }

    /** Field errors of a proposed policy: weights sum to 1, bands descend, keep-above stays below the threshold. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (axes == null || freeze == null || promotion == null || mrrBands == null || investment == null
                || capacity == null || currency == null || provisionalSegment == null) {
            violations.add(new Violation("policy", "required"));
            return violations;
        }
        sumsToOne(violations, "axes.maturityWeights", axes.maturityWeights());
        sumsToOne(violations, "axes.appetiteWeights", axes.appetiteWeights());
        if (mrrBands.vip() == null || mrrBands.high() == null || mrrBands.mid() == null
                || mrrBands.vip().compareTo(mrrBands.high()) <= 0 || mrrBands.high().compareTo(mrrBands.mid()) <= 0
                || mrrBands.mid().signum() <= 0) {
            violations.add(new Violation("mrrBands", "order"));
        }
        if (promotion.dmiKeepAbove() == null || promotion.dmiThreshold() == null
                || promotion.dmiKeepAbove().compareTo(promotion.dmiThreshold()) >= 0) {
            violations.add(new Violation("promotion.dmiKeepAbove", "range"));
        }
        if (minDwellDays < 0 || freeze.days() < 0) {
            violations.add(new Violation("minDwellDays", "range"));
        }
        if (investment.hourlyCost() == null || investment.hourlyCost().signum() <= 0) {
            violations.add(new Violation("investment.hourlyCost", "range"));
        }
        if (investment.proactivePct() < 0 || investment.proactivePct() > 100) {
            violations.add(new Violation("investment.proactivePct", "range"));
        }
        return violations;
    }

    private static void sumsToOne(List<Violation> violations, String field, Map<String, BigDecimal> weights) {
        if (weights == null || weights.isEmpty()) {
            violations.add(new Violation(field, "required"));
            return;
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.ONE) != 0 || weights.values().stream().anyMatch(w -> w.signum() < 0)) {
            violations.add(new Violation(field, "sum"));
        }
    }

    private static Map<Segment, Integer> perSegment(int a, int b, int c, int d) {
        Map<Segment, Integer> map = new EnumMap<>(Segment.class);
        map.put(Segment.A, a);
        map.put(Segment.B, b);
        map.put(Segment.C, c);
        map.put(Segment.D, d);
        return map;
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
