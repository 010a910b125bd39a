package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Save rules of a DMI catalogue version (health.md §2.2): each insight's fields, unique codes, at most 10 categories
 * and at most 20 active insights; and the insight changes a publish makes (the quarterly change-limit warning).
 */
public final class CatalogRules {

    public static final int MAX_ACTIVE = 20;
    public static final int MAX_CATEGORIES = 10;
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");
    private static final Set<String> SIGNAL_TYPES = Set.of("MFA_COVERAGE", "ENDPOINT_PROTECTION_COVERAGE",
            "PATCH_COMPLIANCE", "BACKUP_RESULT", "INSIGHT_COVERAGE", "MANUAL");
    private static final BigDecimal MIN_TARGET = new BigDecimal("0.01");

    private CatalogRules() {
    }

    /** An insight as a request gives it: any field may be missing (null). {@code active} defaults to true. */
    public record Draft(String code, String name, String definition, String dataSource, String category,
                        Integer weight, BigDecimal target, Integer tier, BigDecimal gateThreshold, String signalType,
                        Boolean active) {

        public Insight toInsight() {
            return new Insight(code, name, definition, dataSource, category, weight, target, tier, gateThreshold,
                    signalType, active == null || active);
        }

        /** Equal values compare equal whatever their scale (0.95 and 0.9500 as stored). */
        Draft withoutScale() {
            return new Draft(code, name, definition, dataSource, category, weight, strip(target), tier,
                    strip(gateThreshold), signalType, active);
        }

        private static BigDecimal strip(BigDecimal value) {
            return value == null ? null : value.stripTrailingZeros();
        }

        public static Draft of(Insight insight) {
            return new Draft(insight.code(), insight.name(), insight.definition(), insight.dataSource(),
                    insight.category(), insight.weight(), insight.target(), insight.tier(), insight.gateThreshold(),
                    insight.signalType(), insight.active());
        }
    }

    /** Field violations of one insight; {@code prefix} names it in the request ("" or "insights[3]."). */
    public static List<Violation> check(Draft insight, String prefix) {
        List<Violation> violations = new ArrayList<>();
        if (insight == null) {
            violations.add(new Violation(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "required"));
            return violations;
        }
        text(violations, prefix + "code", insight.code(), 40);
        if (insight.code() != null && !CODE.matcher(insight.code()).matches()) {
            violations.add(new Violation(prefix + "code", "pattern"));
        }
        text(violations, prefix + "name", insight.name(), 100);
        text(violations, prefix + "definition", insight.definition(), 500);
        text(violations, prefix + "dataSource", insight.dataSource(), 200);
        text(violations, prefix + "category", insight.category(), 40);
        if (insight.category() != null && !CODE.matcher(insight.category()).matches()) {
            violations.add(new Violation(prefix + "category", "pattern"));
        }
        if (insight.weight() == null) {
            violations.add(new Violation(prefix + "weight", "required"));
        } else if (insight.weight() < 1 || insight.weight() > 5) {
            violations.add(new Violation(prefix + "weight", "range"));
        }
        if (insight.target() == null) {
            violations.add(new Violation(prefix + "target", "required"));
        } else if (insight.target().compareTo(MIN_TARGET) < 0 || insight.target().compareTo(BigDecimal.ONE) > 0) {
            violations.add(new Violation(prefix + "target", "range"));
        }
        if (insight.tier() == null) {
            violations.add(new Violation(prefix + "tier", "required"));
        } else if (insight.tier() != 1 && insight.tier() != 2) {
            violations.add(new Violation(prefix + "tier", "range"));
        }
        if (insight.gateThreshold() != null && (insight.gateThreshold().signum() < 0
                || insight.gateThreshold().compareTo(BigDecimal.ONE) > 0)) {
            violations.add(new Violation(prefix + "gateThreshold", "range"));
        }
        if (insight.signalType() == null) {
            violations.add(new Violation(prefix + "signalType", "required"));
        } else if (!SIGNAL_TYPES.contains(insight.signalType())) {
            violations.add(new Violation(prefix + "signalType", "unknown"));
        }
        return violations;
    }

    /** Version-level violations (400): duplicate codes, more than 10 categories. */
    public static List<Violation> checkVersion(List<Insight> insights) {
        List<Violation> violations = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < insights.size(); i++) {
            if (!codes.add(insights.get(i).code())) {
                violations.add(new Violation("insights[" + i + "].code", "duplicate"));
            }
        }
        if (insights.stream().map(Insight::category).distinct().count() > MAX_CATEGORIES) {
            violations.add(new Violation("insights", "categories"));
        }
        return violations;
    }

    /** More than 20 active insights: 422 catalog-limit-exceeded. */
    public static boolean overLimit(List<Insight> insights) {
        return insights.stream().filter(Insight::active).count() > MAX_ACTIVE;
    }

    /** Insights added, removed or changed from {@code before} to {@code after}. */
    public static int changes(List<Insight> before, List<Insight> after) {
        Map<String, Insight> old = new HashMap<>();
        before.forEach(i -> old.put(i.code(), i));
        int changes = 0;
        for (Insight insight : after) {
            Insight previous = old.remove(insight.code());
            if (previous == null || !same(previous, insight)) {
                changes++;
            }
        }
        return changes + old.size();
    }

    private static boolean same(Insight a, Insight b) {
        return Objects.equals(Draft.of(a).withoutScale(), Draft.of(b).withoutScale());
    }

    private static void text(List<Violation> violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "required"));
        } else if (value.length() > max) {
            violations.add(new Violation(field, "length"));
        }
    }
}
