package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The catalogue and coverage of health.md §7 (Harbor Dental, catalogue v3 with five active insights). */
final class WorkedExamples {

    static final Instant E1_CYCLE = Instant.parse("2026-11-01T00:00:00Z");

    private WorkedExamples() {
    }

    static DmiCatalog catalogV3() {
        return new DmiCatalog(3, List.of(
                insight("MFA", "IDENTITY_ACCESS", 5, "0.95", 1, "0.60"),
                insight("ENDPOINT_PROTECTION", "SECURITY", 4, "0.98", 1, "0.80"),
                insight("BACKUP_SUCCESS", "BACKUP_DR", 4, "0.98", 1, null),
                insight("EMAIL_SECURITY", "SECURITY", 3, "0.95", 2, null),
                insight("COLLABORATION_USAGE", "PRODUCTIVITY_COLLAB", 2, "0.70", 2, null)));
    }

    private static Insight insight(String code, String category, int weight, String target, int tier, String gate) {
        return new Insight(code, code, "definition", "source", category, weight, new BigDecimal(target), tier,
                gate == null ? null : new BigDecimal(gate), "INSIGHT_COVERAGE", true);
    }

    /** E1: MFA .72, endpoint protection .90, backup .97, e-mail security .60, collaboration .45. */
    static Map<String, CoverageReading> e1Coverage(Instant observedAt) {
        Map<String, CoverageReading> readings = new HashMap<>();
        put(readings, "MFA", "0.72", observedAt);
        put(readings, "ENDPOINT_PROTECTION", "0.90", observedAt);
        put(readings, "BACKUP_SUCCESS", "0.97", observedAt);
        put(readings, "EMAIL_SECURITY", "0.60", observedAt);
        put(readings, "COLLABORATION_USAGE", "0.45", observedAt);
        return readings;
    }

    static void put(Map<String, CoverageReading> readings, String code, String coverage, Instant observedAt) {
        readings.put(code, new CoverageReading(code, new BigDecimal(coverage), observedAt, "manual"));
    }
}
