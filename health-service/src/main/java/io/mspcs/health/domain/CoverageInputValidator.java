package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a manual coverage request (health.md §6 {@code …/dmi/coverage}). Shape errors reject the whole request
 * (400); whether an insight exists and whether an observation lies in the future are checked against the catalogue
 * and the clock ({@link #unknownInsights}, {@link #observedInFuture}, 422).
 */
public final class CoverageInputValidator {

    public static final int MAX_ITEMS = 20;
    static final int MAX_NOTE = 500;
    /** Clock skew tolerated between the caller and us, as for pushed signals (health.md §4). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private CoverageInputValidator() {
    }

    public record Result(List<CoverageObservation> observations, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /** An item without {@code observedAt} was observed {@code now}. */
    public static Result validate(List<CoverageInput> items, Instant now) {
        if (items == null) {
            return rejected(new Violation("items", "required"));
        }
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            return rejected(new Violation("items", "size"));
        }
        List<Violation> violations = new ArrayList<>();
        List<CoverageObservation> observations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = "items[" + i + "].";
            CoverageInput item = items.get(i);
            if (item == null) {
                violations.add(new Violation("items[" + i + "]", "required"));
                continue;
            }
            int before = violations.size();
            if (item.insightCode() == null || item.insightCode().isBlank()) {
                violations.add(new Violation(prefix + "insightCode", "required"));
            } else if (!seen.add(item.insightCode())) {
                violations.add(new Violation(prefix + "insightCode", "duplicate"));
            }
            BigDecimal coverage = coverage(prefix, item, violations);
            if (item.note() != null && item.note().length() > MAX_NOTE) {
                violations.add(new Violation(prefix + "note", "size"));
            }
            if (violations.size() == before) {
                Instant observedAt = (item.observedAt() == null ? now : item.observedAt()).truncatedTo(ChronoUnit.MILLIS);
                observations.add(new CoverageObservation(item.insightCode(), coverage, intOrNull(item.numerator()),
                        intOrNull(item.denominator()), observedAt, blankToNull(item.note())));
            }
        }
        return violations.isEmpty() ? new Result(List.copyOf(observations), List.of()) : new Result(List.of(), violations);
    }

    /** Exactly one of the two forms; a ratio in [0, 1]; counts as whole numbers with 0 ≤ numerator ≤ denominator. */
    private static BigDecimal coverage(String prefix, CoverageInput item, List<Violation> violations) {
        boolean ratioForm = item.coverage() != null;
        boolean countForm = item.numerator() != null || item.denominator() != null;
        if (ratioForm == countForm) {
            violations.add(new Violation(prefix + "coverage", "one-of"));
            return null;
        }
        if (ratioForm) {
            if (item.coverage().signum() < 0 || item.coverage().compareTo(BigDecimal.ONE) > 0) {
                violations.add(new Violation(prefix + "coverage", "range"));
                return null;
            }
            return item.coverage().setScale(4, RoundingMode.HALF_UP);
        }
        int before = violations.size();
        count(prefix + "numerator", item.numerator(), 0, violations);
        count(prefix + "denominator", item.denominator(), 1, violations);
        if (violations.size() > before) {
            return null;
        }
        if (item.numerator().compareTo(item.denominator()) > 0) {
            violations.add(new Violation(prefix + "numerator", "range"));
            return null;
        }
        return item.numerator().divide(item.denominator(), 4, RoundingMode.HALF_UP);
    }

    private static void count(String field, BigDecimal value, int min, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "required"));
        } else if (value.stripTrailingZeros().scale() > 0) {
            violations.add(new Violation(field, "integer"));
        } else if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            violations.add(new Violation(field, "range"));
        }
    }

    /**
     * Codes that are not active insights of the catalogue (checked after the shape). A valid result keeps the
     * request's order, so positions are the request's item indexes.
     */
    public static List<Violation> unknownInsights(List<CoverageObservation> observations, DmiCatalog catalog) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            if (catalog.activeInsight(observations.get(i).insightCode()).isEmpty()) {
                violations.add(new Violation("items[" + i + "].insightCode", "unknown"));
            }
        }
        return violations;
    }

    public static List<Violation> observedInFuture(List<CoverageObservation> observations, Instant now) {
        Instant latest = now.plus(FUTURE_TOLERANCE);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            if (observations.get(i).observedAt().isAfter(latest)) {
                violations.add(new Violation("items[" + i + "].observedAt", "future"));
            }
        }
        return violations;
    }

    private static Result rejected(Violation violation) {
        return new Result(List.of(), List.of(violation));
    }

    private static Integer intOrNull(BigDecimal value) {
        return value == null ? null : value.intValueExact();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
