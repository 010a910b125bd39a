package io.mspcs.health.rest;

import java.util.List;

/**
 * A page whose cursor is the offset of the next page, for lists ordered by values that repeat (a key cursor would
 * need every sort column). Queries read one row more than the page: its presence means a next page exists.
 */
public record OffsetPage<T>(List<T> items, String nextCursor) {

    static <T> OffsetPage<T> of(List<T> rowsPlusOne, int offset, int size) {
        return new OffsetPage<>(rowsPlusOne.stream().limit(size).toList(),
                rowsPlusOne.size() > size ? String.valueOf(offset + size) : null);
    }
}
