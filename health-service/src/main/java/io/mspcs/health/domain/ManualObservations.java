package io.mspcs.health.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Manual observations of a client (health.md §4, §6): up to 50 COMPLAINT, EXEC_SPONSOR_CONTACT, SURVEY_RESPONSE or
 * SERVICE_COVERAGE items that become signals of source {@code manual} with a generated externalId. Unlike the bulk
 * ingest, the call is all-or-nothing: one bad item refuses the whole call, so nothing is written.
 */
public final class ManualObservations {

    public static final String SOURCE = "manual";
    public static final int MAX_ITEMS = 50;
    public static final Set<SignalType> TYPES = EnumSet.of(SignalType.COMPLAINT, SignalType.EXEC_SPONSOR_CONTACT,
            SignalType.SURVEY_RESPONSE, SignalType.SERVICE_COVERAGE);

    private ManualObservations() {
    }

    /** Either the items as bulk signals of the client, or the problem refusing the call. */
    public record Checked(List<Map<String, Object>> items, ItemProblem problem) {

        public boolean valid() {
            return problem == null;
        }
    }

    /**
     * @param items      JSON-shaped items; {@code observedAt} defaults to {@code now}
     * @param externalId generates the externalId of each stored signal
     */
    public static Checked check(List<?> items, UUID clientId, Instant now, Supplier<String> externalId) {
        if (items == null || items.isEmpty()) {
            return refused(ItemProblem.invalid(0, List.of(new Violation("items", "required"))));
        }
        if (items.size() > MAX_ITEMS) {
            return refused(ItemProblem.invalid(0, List.of(new Violation("items", "max"))));
        }
        List<Map<String, Object>> signals = new ArrayList<>();
        List<ItemProblem> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> raw)) {
                problems.add(ItemProblem.invalid(i, List.of(new Violation("items[" + i + "]", "type"))));
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            raw.forEach((key, value) -> item.put(String.valueOf(key), value));
            if (item.get("type") instanceof String type && SignalType.parse(type) != null
                    && !TYPES.contains(SignalType.parse(type))) {
                problems.add(ItemProblem.unknownType(i));
                continue;
            }
            // the client is the path's and the key is generated: whatever the body says about them is ignored
            item.remove("client");
            item.put("clientId", clientId.toString());
            item.put("externalId", externalId.get());
            item.putIfAbsent("observedAt", now.toString());
            SignalParser.Result parsed = SignalParser.parse(i, item, now);
            if (parsed.problem() != null) {
                problems.add(parsed.problem());
            } else {
                signals.add(item);
            }
        }
        return firstProblem(problems).map(ManualObservations::refused).orElseGet(() -> new Checked(signals, null));
    }

    /** The most basic problem class decides (400 before 422), with every item's errors of that class. */
    private static Optional<ItemProblem> firstProblem(List<ItemProblem> problems) {
        return problems.stream().min(Comparator.comparingInt(ItemProblem::status).thenComparingInt(ItemProblem::index))
                .map(first -> new ItemProblem(first.index(), first.status(), first.slug(), first.title(),
                        problems.stream().filter(p -> p.slug().equals(first.slug()))
                                .flatMap(p -> p.errors().stream()).toList()));
    }

    private static Checked refused(ItemProblem problem) {
        return new Checked(List.of(), problem);
    }
}
