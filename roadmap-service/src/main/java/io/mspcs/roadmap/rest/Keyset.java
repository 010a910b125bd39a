package io.mspcs.roadmap.rest;

import io.mspcs.rest.Page;
import io.mspcs.rest.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging (README §4 {@code ?limit=&cursor=} → {@code {items, nextCursor}}) of lists that are read whole
 * because part of their filter or content is computed at read time (aging buckets, budget years, version history).
 * Items are ordered by a unique key that compares as a string (sort key, then id); the opaque cursor carries the
 * last key shown, so pages never overlap even when items are added or removed between calls.
 */
record Keyset(int limit, String after) {

    /** Marks cursors this API gave out, so a foreign or mangled cursor is a 400 rather than an arbitrary position. */
    private static final String TAG = "k1|";
    private static final String SEPARATOR = "\u0000";

    /** Validates the query eagerly, before anything is read. */
    static Keyset of(Integer limit, String cursor) {
        return new Keyset(Page.limit(limit), decode(cursor));
    }

    <T, R> Page<R> page(List<T> items, Function<T, String> key, Function<T, R> shown) {
        List<T> remaining = items.stream()
                .sorted(Comparator.comparing(key))
                .filter(item -> after == null || key.apply(item).compareTo(after) > 0)
                .toList();
        List<T> page = remaining.subList(0, Math.min(limit, remaining.size()));
        String next = remaining.size() > limit ? encode(key.apply(page.get(page.size() - 1))) : null;
        return new Page<>(page.stream().map(shown).toList(), next);
    }

    /** Joins key parts so that the joined strings order like the parts, left to right. */
    static String key(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            key.append(part(part)).append(SEPARATOR);
        }
        return key.toString();
    }

    private static String part(Object part) {
        if (part == null) {
            return "";
        }
        if (part instanceof Instant at) {
            return String.format("%019d%09d", at.getEpochSecond(), at.getNano());
        }
        if (part instanceof Integer || part instanceof Long) {
            return String.format("%019d", ((Number) part).longValue());
        }
        return part.toString();
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TAG + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(TAG)) {
                return decoded.substring(TAG.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("cursor", "format", "cursor is not one this API gave out");
    }
}
