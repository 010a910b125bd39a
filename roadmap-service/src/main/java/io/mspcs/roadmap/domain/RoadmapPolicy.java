package io.mspcs.roadmap.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tenant's roadmap policy (roadmap.md §2). {@code version} is set by the service, never taken from a request.
 */
public record RoadmapPolicy(int version, List<String> lanes, List<Integer> agingBucketStartDays, boolean autoClose,
                            String sweepTime, int proposalValidityDays, boolean preApprovalRequired,
                            int preApprovalStaleDays, int preApprovalLapsedDays, String budgetGateMode,
                            int planningWindowFiscalYears, int maxBigRocksPerQuarter,
                            Map<String, Calibration> calibration) {

    public static final String WARN = "WARN";
    public static final String BLOCK = "BLOCK";
    private static final Set<String> SEGMENTS = Set.of("A", "B", "C", "D", "UNSEGMENTED");
    private static final Pattern LANE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    public record Calibration(int horizonQuarters, int freshnessDays) {
    }

    /** A field that does not hold: {@code field} and the stable {@code code} of roadmap.md §10. */
    public record Violation(String field, String code, String detail) {
    }

    public static final RoadmapPolicy DEFAULT = new RoadmapPolicy(1, List.of("STABILITY", "EFFICIENCY", "GROWTH"),
            List.of(15, 31, 61), true, "06:00", 60, true, 30, 60, WARN, 4, 2, Map.of(
            "A", new Calibration(8, 120),
            "B", new Calibration(4, 120),
            "C", new Calibration(2, 180),
            "D", new Calibration(4, 365),
            "UNSEGMENTED", new Calibration(4, 180)));

    public boolean blocksOverEnvelope() {
        return BLOCK.equals(budgetGateMode);
    }

    public RoadmapPolicy withVersion(int newVersion) {
        return new RoadmapPolicy(newVersion, lanes, agingBucketStartDays, autoClose, sweepTime, proposalValidityDays,
                preApprovalRequired, preApprovalStaleDays, preApprovalLapsedDays, budgetGateMode,
                planningWindowFiscalYears, maxBigRocksPerQuarter, calibration);
    }

    /** Whether {@code other} says the same as this policy, whatever the versions. */
    public boolean sameRulesAs(RoadmapPolicy other) {
        return withVersion(0).equals(other.withVersion(0));
    }

    /**
     * What is wrong with this policy as a replacement of {@code current}. Lanes are codes that are added, never
     * removed (roadmap.md §2): the service does not track which lanes are in use, so every current lane must stay.
     */
    public List<Violation> violations(RoadmapPolicy current) {
        List<Violation> violations = new ArrayList<>();
        if (lanes == null || lanes.isEmpty()) {
            violations.add(new Violation("lanes", "required", "lanes must list at least one lane code"));
        } else {
            if (lanes.stream().anyMatch(lane -> lane == null || !LANE.matcher(lane).matches())) {
                violations.add(new Violation("lanes", "format", "a lane code is 2–32 of A–Z, 0–9 and _"));
            }
            if (Set.copyOf(lanes.stream().filter(lane -> lane != null).toList()).size() != lanes.size()) {
                violations.add(new Violation("lanes", "duplicate", "a lane code appears twice"));
            }
            List<String> removed = current.lanes().stream().filter(lane -> !lanes.contains(lane)).toList();
            if (!removed.isEmpty()) {
                violations.add(new Violation("lanes", "lane-removed", "lanes cannot be removed: " + removed));
            }
        }
        if (agingBucketStartDays == null || agingBucketStartDays.size() != 3
                || agingBucketStartDays.stream().anyMatch(java.util.Objects::isNull)
                || !(1 <= agingBucketStartDays.get(0) && agingBucketStartDays.get(0) < agingBucketStartDays.get(1)
                && agingBucketStartDays.get(1) < agingBucketStartDays.get(2))) {
            violations.add(new Violation("agingBucketStartDays", "order",
                    "three ascending day counts ≥ 1 (15 / 31 / 61 by default)"));
        }
        if (sweepTime == null || !TIME.matcher(sweepTime).matches()) {
            violations.add(new Violation("sweepTime", "format", "sweepTime is HH:mm"));
        }
        range(violations, "proposalValidityDays", proposalValidityDays, 1, 365);
        range(violations, "preApprovalStaleDays", preApprovalStaleDays, 1, 365);
        range(violations, "preApprovalLapsedDays", preApprovalLapsedDays, 1, 730);
        if (preApprovalLapsedDays <= preApprovalStaleDays) {
            violations.add(new Violation("preApprovalLapsedDays", "order",
                    "a pre-approval lapses after it goes stale"));
        }
        if (!WARN.equals(budgetGateMode) && !BLOCK.equals(budgetGateMode)) {
            violations.add(new Violation("budgetGateMode", "enum", "budgetGateMode must be WARN or BLOCK"));
        }
        range(violations, "planningWindowFiscalYears", planningWindowFiscalYears, 1, 10);
        range(violations, "maxBigRocksPerQuarter", maxBigRocksPerQuarter, 1, 20);
        if (calibration == null || !calibration.keySet().equals(SEGMENTS)) {
            violations.add(new Violation("calibration", "required",
                    "calibration names exactly the segments A, B, C, D and UNSEGMENTED"));
        } else {
            calibration.forEach((segment, value) -> {
                if (value == null || value.horizonQuarters() < 1 || value.horizonQuarters() > 20
                        || value.freshnessDays() < 1 || value.freshnessDays() > 730) {
                    violations.add(new Violation("calibration." + segment, "range",
                            "horizonQuarters 1–20, freshnessDays 1–730"));
                }
            });
        }
        return violations;
    }

    private static void range(List<Violation> violations, String field, int value, int min, int max) {
        if (value < min || value > max) {
            violations.add(new Violation(field, "range", field + " must lie between " + min + " and " + max));
        }
    }
}
