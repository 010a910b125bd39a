package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Validates one bulk item (health.md §4), all-or-nothing: structure first (400 {@code validation-failed} with
 * {@code required}, {@code type}, {@code one-of}), then an unknown type (422), values off their scale (422 {@code
 * value-out-of-range}) and instants more than 5 minutes after receipt (422 {@code observed-in-future}). Items come
 * as JSON-shaped maps (String, Number, Boolean, Map, List, null).
 */
public final class SignalParser {

    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final Set<String> SURVEYS = Set.of("PULSE", "CSAT", "NPS", "ALIGNMENT");
    private static final Set<String> ROOT_CAUSES = Set.of("CADENCE", "RELEVANCE", "FOLLOW_THROUGH", "QUALITY");
    private static final Set<String> CHANNELS = Set.of("MEETING", "CALL", "EMAIL", "OTHER");

    private SignalParser() {
    }

    public record Result(ParsedSignal signal, ItemProblem problem) {
    }

    public static Result parse(int index, Object raw, Instant receivedAt) {
        if (!(raw instanceof Map<?, ?> map)) {
            return rejected(ItemProblem.invalid(index, List.of(new Violation("items[" + index + "]", "type"))));
        }
        return new Item(index, map, receivedAt).parse();
    }

    private static Result rejected(ItemProblem problem) {
        return new Result(null, problem);
    }

    /** One item's parse state: violations are collected by class so the most basic class decides the problem. */
    private static final class Item {
        private final int index;
        private final Map<?, ?> map;
        private final Instant receivedAt;
        private final List<Violation> invalid = new ArrayList<>();
        private final List<Violation> range = new ArrayList<>();
        private final List<Violation> future = new ArrayList<>();
        private final Map<String, Object> values = new LinkedHashMap<>();

        Item(int index, Map<?, ?> map, Instant receivedAt) {
            this.index = index;
            this.map = map;
            this.receivedAt = receivedAt;
        }

        Result parse() {
            String externalId = string("externalId", true, 100);
            values.remove("externalId");
            Object rawType = map.get("type");
            SignalType type = null;
            if (rawType == null) {
                invalid.add(violation("type", "required"));
            } else if (!(rawType instanceof String typeName)) {
                invalid.add(violation("type", "type"));
            } else {
                type = SignalType.parse(typeName);
            }
            UUID clientId = null;
            String clientSource = null;
            String clientExternalId = null;
            boolean hasId = map.get("clientId") != null;
            boolean hasRef = map.get("client") != null;
            if (hasId == hasRef) {
                invalid.add(violation("clientId", "one-of"));
            } else if (hasId) {
                clientId = uuid("clientId");
            } else if (map.get("client") instanceof Map<?, ?> ref) {
                clientSource = ref.get("source") instanceof String s && !s.isBlank() ? s : null;
                clientExternalId = ref.get("externalId") instanceof String s && !s.isBlank() ? s : null;
                if (clientSource == null) {
                    invalid.add(violation("client.source", "required"));
                }
                if (clientExternalId == null) {
                    invalid.add(violation("client.externalId", "required"));
                }
            } else {
                invalid.add(violation("client", "type"));
            }
            Instant observedAt = instant("observedAt", true);
            if (!invalid.isEmpty()) {
                return rejected(ItemProblem.invalid(index, invalid));
            }
            if (type == null) {
                return rejected(ItemProblem.unknownType(index));
            }
            notInFuture("observedAt", observedAt);
            Instant eventTime = observedAt;
            String insightCode = type.insightCode();
            BigDecimal coverage = null;
            Integer numerator = null;
            Integer denominator = null;
            switch (type) {
                case MFA_COVERAGE, ENDPOINT_PROTECTION_COVERAGE, PATCH_COMPLIANCE, INSIGHT_COVERAGE -> {
                    if (type == SignalType.INSIGHT_COVERAGE) {
                        insightCode = string("insightCode", true, 40);
                        values.put("insightCode", insightCode);
                    }
                    boolean ratioForm = map.get("coverage") != null;
                    boolean countForm = map.get("numerator") != null || map.get("denominator") != null;
                    if (ratioForm == countForm) {
                        invalid.add(violation("coverage", "one-of"));
                    } else if (ratioForm) {
                        coverage = ratio("coverage", true);
                    } else {
                        numerator = integer("numerator", true);
                        denominator = integer("denominator", true);
                        if (numerator != null && denominator != null) {
                            if (denominator < 1) {
                                range.add(violation("denominator", "range"));
                            } else if (numerator < 0 || numerator > denominator) {
                                range.add(violation("numerator", "range"));
                            } else {
                                coverage = BigDecimal.valueOf(numerator)
                                        .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
                            }
                        }
                    }
                }
                case BACKUP_RESULT -> {
                    coverage = ratio("successRate", true);
                    Integer windowDays = integer("windowDays", true);
                    if (windowDays != null && (windowDays < 1 || windowDays > 90)) {
                        range.add(violation("windowDays", "range"));
                    }
                    Integer jobsTotal = count("jobsTotal");
                    Integer jobsFailed = count("jobsFailed");
                    count("devicesAffected");
                    if (jobsTotal != null && jobsFailed != null && jobsFailed > jobsTotal) {
                        range.add(violation("jobsFailed", "range"));
                    }
                    // absent = not evaluated; null = never: both are kept apart in values
                    if (map.containsKey("lastSuccessAt")) {
                        notInFuture("lastSuccessAt", instant("lastSuccessAt", false));
                    }
                    if (map.containsKey("lastRestoreTestAt")) {
                        instant("lastRestoreTestAt", false);
                    }
                }
                case TICKET_RESULT -> {
                    eventTime = instant("closedAt", true);
                    notInFuture("closedAt", eventTime);
                    bool("responseSlaMet", true);
                    bool("resolutionSlaMet", true);
                    bool("reopenedWithin30d", true);
                    string("priority", false, 40);
                    string("category", false, 100);
                }
                case MILESTONE -> {
                    eventTime = instant("dueAt", true);
                    instant("completedAt", false);
                    string("projectRef", false, 100);
                }
                case SURVEY_RESPONSE -> {
                    String survey = oneOf("survey", SURVEYS);
                    Integer score = integer("score", true);
                    if (score != null && survey != null) {
                        boolean nps = "NPS".equals(survey);
                        if (score < (nps ? 0 : 1) || score > (nps ? 10 : 5)) {
                            range.add(violation("score", "range"));
                        }
                    }
                    string("meetingId", false, 100);
                    string("comment", false, 1000);
                }
                case COMPLAINT -> {
                    oneOf("rootCause", ROOT_CAUSES);
                    string("summary", true, 280);
                }
                case EXEC_SPONSOR_CONTACT -> {
                    string("contactId", false, 100);
                    oneOf("channel", CHANNELS);
                }
                case SERVICE_COVERAGE -> {
                    Integer expected = integer("expected", true);
                    Integer delivered = integer("delivered", true);
                    if (expected != null && expected < 1) {
                        range.add(violation("expected", "range"));
                    } else if (expected != null && delivered != null && (delivered < 0 || delivered > expected)) {
                        range.add(violation("delivered", "range"));
                    }
                }
            }
            if (!invalid.isEmpty()) {
                return rejected(ItemProblem.invalid(index, invalid));
            }
            if (!range.isEmpty()) {
                return rejected(ItemProblem.outOfRange(index, range));
            }
            if (!future.isEmpty()) {
                return rejected(ItemProblem.inFuture(index, future));
            }
            if (coverage != null && type != SignalType.BACKUP_RESULT) {
                values.put("coverage", coverage);
            }
            return new Result(new ParsedSignal(index, externalId, type, clientId, clientSource, clientExternalId,
                    observedAt, eventTime, insightCode, coverage, numerator, denominator, values), null);
        }

        private Violation violation(String field, String code) {
            return new Violation(ItemProblem.field(index, field), code);
        }

        private void notInFuture(String field, Instant at) {
            if (at != null && at.isAfter(receivedAt.plus(FUTURE_TOLERANCE))) {
                future.add(violation(field, "future"));
            }
        }

        private String string(String field, boolean required, int max) {
            Object value = map.get(field);
            if (value == null) {
                if (required) {
                    invalid.add(violation(field, "required"));
                }
                return null;
            }
            if (!(value instanceof String s)) {
                invalid.add(violation(field, "type"));
                return null;
            }
            if (s.isBlank() && required) {
                invalid.add(violation(field, "required"));
                return null;
            }
            if (s.length() > max) {
                invalid.add(violation(field, "length"));
                return null;
            }
            values.put(field, s);
            return s;
        }

        private String oneOf(String field, Set<String> allowed) {
            String value = string(field, true, 40);
            if (value != null && !allowed.contains(value)) {
                values.remove(field);
                range.add(violation(field, "unknown"));
                return null;
            }
            return value;
        }

        private UUID uuid(String field) {
            Object value = map.get(field);
            if (value instanceof String s) {
                try {
                    return UUID.fromString(s);
                } catch (IllegalArgumentException e) {
                    // falls through to the type violation
                }
            }
            invalid.add(violation(field, "type"));
            return null;
        }

        private Instant instant(String field, boolean required) {
            Object value = map.get(field);
            if (value == null) {
                if (required) {
                    invalid.add(violation(field, "required"));
                } else if (map.containsKey(field)) {
                    values.put(field, null);
                }
                return null;
            }
            if (value instanceof String s) {
                try {
                    Instant at = IsoInstant.parse(s);
                    values.put(field, at.toString());
                    return at;
                } catch (DateTimeParseException e) {
                    // falls through to the type violation
                }
            }
            invalid.add(violation(field, "type"));
            return null;
        }

        private Boolean bool(String field, boolean required) {
            Object value = map.get(field);
            if (value == null) {
                if (required) {
                    invalid.add(violation(field, "required"));
                }
                return null;
            }
            if (!(value instanceof Boolean b)) {
                invalid.add(violation(field, "type"));
                return null;
            }
            values.put(field, b);
            return b;
        }

        private Integer integer(String field, boolean required) {
            Object value = map.get(field);
            if (value == null) {
                if (required) {
                    invalid.add(violation(field, "required"));
                }
                return null;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
                long number = ((Number) value).longValue();
                if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
                    range.add(violation(field, "range"));
                    return null;
                }
                values.put(field, (int) number);
                return (int) number;
            }
            invalid.add(violation(field, "type"));
            return null;
        }

        private Integer count(String field) {
            Integer value = integer(field, true);
            if (value != null && value < 0) {
                range.add(violation(field, "range"));
                return null;
            }
            return value;
        }

        private BigDecimal ratio(String field, boolean required) {
            Object value = map.get(field);
            if (value == null) {
                if (required) {
                    invalid.add(violation(field, "required"));
                }
                return null;
            }
            if (!(value instanceof Number number)) {
                invalid.add(violation(field, "type"));
                return null;
            }
            BigDecimal ratio = new BigDecimal(number.toString());
            if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
                range.add(violation(field, "range"));
                return null;
            }
            BigDecimal scaled = ratio.setScale(4, RoundingMode.HALF_UP);
            values.put(field, scaled);
            return scaled;
        }
    }
}
