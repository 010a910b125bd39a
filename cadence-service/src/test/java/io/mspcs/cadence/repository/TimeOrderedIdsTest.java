package io.mspcs.cadence.repository;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7AndSortInCreationOrderAsPostgresComparesThem() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // more than 4096 per millisecond: the sequence carries over
            UUID id = TimeOrderedIds.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(id.toString());
        }
        // PostgreSQL orders uuid bytewise, which is the order of the lower-case hex text.
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theTimePartIsTheCurrentMillisecond() {
        long before = System.currentTimeMillis();
        long millis = TimeOrderedIds.next().getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, System.currentTimeMillis() + 10);
    }
}
