package io.mspcs.health.domain;

import java.util.List;

/** Why one bulk item was rejected (health.md §4): a problem slug and status, with the offending fields. */
public record ItemProblem(int index, int status, String slug, String title, List<Violation> errors) {

    public ItemProblem {
        errors = List.copyOf(errors);
    }

    public static ItemProblem invalid(int index, List<Violation> errors) {
        return new ItemProblem(index, 400, "validation-failed", "Validation failed", errors);
    }

    public static ItemProblem unknownType(int index) {
        return new ItemProblem(index, 422, "unknown-signal-type", "Unknown signal type",
                List.of(new Violation(field(index, "type"), "unknown")));
    }

    public static ItemProblem outOfRange(int index, List<Violation> errors) {
        return new ItemProblem(index, 422, "value-out-of-range", "Value out of range", errors);
    }

    public static ItemProblem inFuture(int index, List<Violation> errors) {
        return new ItemProblem(index, 422, "observed-in-future", "Observed in the future", errors);
    }

    public static ItemProblem clientNotFound(int index, String field) {
        return new ItemProblem(index, 422, "client-not-found", "Client not found",
                List.of(new Violation(field(index, field), "unknown")));
    }

    public static ItemProblem unknownInsight(int index) {
        return new ItemProblem(index, 422, "unknown-insight", "Unknown insight",
                List.of(new Violation(field(index, "insightCode"), "unknown")));
    }

    static String field(int index, String name) {
        return "items[" + index + "]." + name;
    }
}
