package io.mspcs.roadmap.rest;

import io.mspcs.rest.Page;
import io.mspcs.rest.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysetTest {

    private record Row(Instant at, String id) {
        String key() {
            return Keyset.key(at, id);
        }
    }

    private static final Row EARLY = new Row(Instant.parse("2026-11-20T14:00:00Z"), "b");
    private static final Row SAME_INSTANT = new Row(Instant.parse("2026-11-20T14:00:00Z"), "c");
    private static final Row LATER_FRACTION = new Row(Instant.parse("2026-11-20T14:00:00.5Z"), "a");
    private static final Row NEXT_DAY = new Row(Instant.parse("2026-11-21T09:00:00Z"), "a");

    @Test
    void ordersBySortKeyThenIdWhateverTheInputOrder() {
        Page<String> page = Keyset.of(10, null).page(List.of(NEXT_DAY, LATER_FRACTION, SAME_INSTANT, EARLY),
                Row::key, Row::id);

        assertThat(page.items()).containsExactly("b", "c", "a", "a");
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aCursorResumesAfterItsKeyEvenWhenThatItemIsGone() {
        List<Row> rows = new ArrayList<>(List.of(EARLY, SAME_INSTANT, LATER_FRACTION, NEXT_DAY));
        Page<Row> first = Keyset.of(2, null).page(rows, Row::key, Function.identity());
        assertThat(first.items()).containsExactly(EARLY, SAME_INSTANT);

        rows.remove(SAME_INSTANT);
        Page<Row> second = Keyset.of(2, first.nextCursor()).page(rows, Row::key, Function.identity());

        assertThat(second.items()).containsExactly(LATER_FRACTION, NEXT_DAY);
        assertThat(second.nextCursor()).as("nothing after the last page").isNull();
    }

    @Test
    void numbersOrderNumericallyNotAsText() {
        assertThat(Keyset.key(9)).isLessThan(Keyset.key(10));
        assertThat(Keyset.key("A", 2)).isLessThan(Keyset.key("AB", 1));
    }

    @Test
    void rejectsLimitsOutsideTheRangeAndCursorsItDidNotIssue() {
        assertThat(Keyset.of(null, null).limit()).isEqualTo(50);
        assertThatThrownBy(() -> Keyset.of(0, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Keyset.of(501, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Keyset.of(5, "bm90LW1pbmU")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Keyset.of(5, "%%")).isInstanceOf(ProblemException.class);
    }
}
