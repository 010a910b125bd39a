package io.mspcs.rest;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A page of a list (README §4): {@code {items, nextCursor}}, {@code ?limit=} 50 by default, at most 500. */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "range", "limit must be 1–" + MAX_LIMIT);
        }
        return requested;
    }

    /** Lists ordered by id use the last id as the cursor. */
    public static UUID uuidCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "format", "cursor is not one this API gave out");
        }
    }

    /** A full page may have a successor; its last item's id is the cursor. */
    public static <T> Page<T> of(List<T> items, int limit, Function<T, UUID> id) {
        return new Page<>(items, items.size() == limit ? id.apply(items.get(items.size() - 1)).toString() : null);
    }
}
