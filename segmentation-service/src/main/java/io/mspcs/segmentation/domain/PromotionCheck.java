package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** The C → B promotion rule (segmentation.md §3.4), evaluated on tenant-local dates. */
public record PromotionCheck(boolean eligible, LocalDate dmiRunStart, BigDecimal latestDmi, boolean cadenceHolds,
                             String rule) {

    private static final int CADENCE_WINDOW_DAYS = 90;

    /**
     * {@code promoted}: the client already computes B through this rule, so the weaker keep condition applies
     * (latest DMI at or above keep-above and no missed cadence).
     */
    public static PromotionCheck evaluate(List<ClientSignals.DmiReading> readings, List<ClientSignals.CadenceRecord> cadence,
                                          LocalDate today, SegmentationPolicy.Promotion policy, boolean promoted) {
        List<ClientSignals.DmiReading> ordered = readings.stream()
                .sorted(Comparator.comparing(ClientSignals.DmiReading::measuredAt)).toList();
        LocalDate windowStart = today.minusDays(CADENCE_WINDOW_DAYS);
        boolean missed = cadence.stream().anyMatch(r -> r.kind() == ClientSignals.CadenceKind.CADENCE_MISSED
                && !date(r.at()).isBefore(windowStart));
        boolean held = cadence.stream().anyMatch(r -> r.kind() == ClientSignals.CadenceKind.MEETING_HELD
                && !date(r.at()).isBefore(windowStart));
        boolean cadenceHolds = !missed && (held || !policy.requireMeetingHeld());
        if (ordered.isEmpty()) {
            return new PromotionCheck(false, null, null, cadenceHolds, "promotion: no DMI reading");
        }
        ClientSignals.DmiReading latest = ordered.get(ordered.size() - 1);
        if (promoted) {
            boolean keep = latest.dmi().compareTo(policy.dmiKeepAbove()) >= 0 && !missed;
            return new PromotionCheck(keep, null, latest.dmi(), !missed, keep
                    ? "promotion kept: DMI " + latest.dmi() + " ≥ " + policy.dmiKeepAbove()
                    : "promotion revoked: DMI " + latest.dmi() + (missed ? ", cadence missed" : " < " + policy.dmiKeepAbove()));
        }
        if (latest.dmi().compareTo(policy.dmiThreshold()) < 0) {
            return new PromotionCheck(false, null, latest.dmi(), cadenceHolds,
                    "promotion: DMI " + latest.dmi() + " < " + policy.dmiThreshold());
        }
        LocalDate runStart = date(latest.measuredAt());
        for (int i = ordered.size() - 1; i >= 0 && ordered.get(i).dmi().compareTo(policy.dmiThreshold()) >= 0; i--) {
            runStart = date(ordered.get(i).measuredAt());
        }
        boolean fresh = !date(latest.measuredAt()).isBefore(today.minusDays(policy.maxReadingAgeDays()));
        boolean sustained = !runStart.isAfter(today.minusDays(policy.sustainDays()));
        boolean eligible = fresh && sustained && cadenceHolds;
        String rule = !fresh ? "promotion: latest DMI reading older than " + policy.maxReadingAgeDays() + " days"
                : !sustained ? "promotion: DMI ≥ " + policy.dmiThreshold() + " only since " + runStart
                : !cadenceHolds ? "promotion: cadence does not hold"
                : "promotion: DMI ≥ " + policy.dmiThreshold() + " since " + runStart + ", cadence holds";
        return new PromotionCheck(eligible, runStart, latest.dmi(), cadenceHolds, rule);
    }

    static LocalDate date(java.time.Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
