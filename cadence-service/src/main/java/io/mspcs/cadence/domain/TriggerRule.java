package io.mspcs.cadence.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a built-in trigger rule for a tenant (cadence.md §4.1): enabled flag and numeric thresholds.
 * Version 1 is the catalogue default (§4.2); a patch publishes N+1 and never edits a stored version, so a CTA's
 * {@code reason.ruleVersion} always names the parameters it was opened under. Only parameters the rule declares
 * can be set: there are no free-form rules in v1.
 */
public record TriggerRule(String ruleId, int version, boolean enabled, Map<String, BigDecimal> params) {

    /** Why a patch is refused; the REST layer turns it into a 400 problem. */
    public static final class InvalidPatch extends RuntimeException {
        private final String field;
        private final String code;

        public InvalidPatch(String field, String code, String detail) {
            super(detail);
            this.field = field;
            this.code = code;
        }

        public String field() {
            return field;
        }

        public String code() {
            return code;
        }
    }

    public static final String MIN_DROP_POINTS = "minDropPoints";
    public static final String MIN_FLAT_CYCLES = "minFlatCycles";
    public static final String LEAD_DAYS = "leadDays";

    /** The catalogue of §4.2 in its order, with the thresholds a tenant may tune and their defaults. */
    private static final Map<String, Map<String, BigDecimal>> DEFAULTS = defaults();

    public TriggerRule {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    private static Map<String, Map<String, BigDecimal>> defaults() {
        Map<String, Map<String, BigDecimal>> rules = new LinkedHashMap<>();
        rules.put("AD-T9", Map.of(MIN_DROP_POINTS, BigDecimal.TEN));
        rules.put("AD-T4", Map.of(MIN_FLAT_CYCLES, BigDecimal.valueOf(2)));
        for (String id : List.of("AD-T10", "AD-T3", "AR-RED", "HC-RED", "T-MISS1", "T-MISS2", "T-MISS3")) {
            rules.put(id, Map.of());
        }
        rules.put("T-REN", Map.of(LEAD_DAYS, BigDecimal.valueOf(90)));
        rules.put("T-FYE", Map.of(LEAD_DAYS, BigDecimal.valueOf(30)));
        for (String id : List.of("T-ASMT", "T-INIT", "T-PROP15", "T-PROP30", "T-PROP60", "T-SEG", "T-NEW")) {
            rules.put(id, Map.of());
        }
        return Collections.unmodifiableMap(rules);
    }

    public static List<String> ruleIds() {
        return List.copyOf(DEFAULTS.keySet());
    }

    public static boolean known(String ruleId) {
        return DEFAULTS.containsKey(ruleId);
    }

    public static Optional<TriggerRule> defaultOf(String ruleId) {
        return Optional.ofNullable(DEFAULTS.get(ruleId)).map(p -> new TriggerRule(ruleId, 1, true, p));
    }

    public BigDecimal param(String name) {
        BigDecimal value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException(ruleId + " has no parameter " + name);
        }
        return value;
    }

    /**
     * Version N+1 with the given changes (null = unchanged). Parameters must be declared by the rule, positive and
     * whole where the rule counts days or cycles.
     */
    public TriggerRule patched(Boolean enable, Map<String, BigDecimal> changes) {
        if (enable == null && (changes == null || changes.isEmpty())) {
            throw new InvalidPatch("params", "empty", "Set enabled or at least one parameter");
        }
        Map<String, BigDecimal> next = new LinkedHashMap<>(params);
        if (changes != null) {
            changes.forEach((name, value) -> {
                if (!params.containsKey(name)) {
                    throw new InvalidPatch("params." + name, "unknown-param",
                            ruleId + " has no parameter " + name + "; it has " + params.keySet());
                }
                if (value == null || value.signum() <= 0) {
                    throw new InvalidPatch("params." + name, "positive", name + " must be a positive number");
                }
                if (!MIN_DROP_POINTS.equals(name) && value.stripTrailingZeros().scale() > 0) {
                    throw new InvalidPatch("params." + name, "integer", name + " must be a whole number");
                }
                next.put(name, value);
            });
        }
        return new TriggerRule(ruleId, version + 1, enable == null ? enabled : enable, next);
    }
}
