package io.mspcs.segmentation.domain;

import io.mspcs.segmentation.domain.CapacityBook.BookClient;
import io.mspcs.segmentation.domain.CapacityBook.BreachKind;
import io.mspcs.segmentation.domain.CapacityBook.CapacityUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** segmentation.md §8 E9 and E10. */
class CapacityBookTest {

    private final SegmentationPolicy.Capacity policy = SegmentationPolicy.defaults().capacity();

    private static BookClient client(UUID id, Segment segment, String color, String assignedOn) {
        return new BookClient(id, segment, color, new BigDecimal("1000.00"), Instant.parse(assignedOn + "T00:00:00Z"), null);
    }

    private static List<BookClient> clients(int count, Segment segment, String color) {
        List<BookClient> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(client(UUID.randomUUID(), segment, color, "2025-01-01"));
        }
        return list;
    }

    private static CapacityBook csm(String name, BigDecimal allocation, List<BookClient> clients) {
        return new CapacityBook(UUID.nameUUIDFromBytes(name.getBytes()), TeamRole.CSM, allocation, CapacityUnit.ACCOUNTS,
                null, clients);
    }

    @Test
    void e9RedYellowShareBreachSuggestsTheFewestMovesToMembersWithRoom() {
        UUID c1 = UUID.randomUUID(), c2 = UUID.randomUUID(), c3 = UUID.randomUUID(), c4 = UUID.randomUUID();
        List<BookClient> book = new ArrayList<>(List.of(client(c1, Segment.B, "RED", "2025-02-01"),
                client(c2, Segment.C, "RED", "2026-01-15"), client(c3, Segment.C, "YELLOW", "2025-06-01"),
                client(c4, Segment.D, "YELLOW", "2026-02-10")));
        book.addAll(clients(6, Segment.C, "GREEN"));
        CapacityBook dana = csm("dana", BigDecimal.ONE, book);
        assertThat(dana.redYellowPct(policy)).isEqualByComparingTo("40.0");
        assertThat(dana.breaches(policy)).containsExactly(BreachKind.RED_YELLOW_SHARE);

        List<BookClient> eliBook = new ArrayList<>(clients(1, Segment.D, "RED"));
        eliBook.addAll(clients(7, Segment.D, "GREEN"));
        eliBook.addAll(clients(26, Segment.C, null));
        CapacityBook eli = csm("eli", BigDecimal.ONE, eliBook);
        assertThat(eli.utilisationPct(policy)).isEqualByComparingTo("60.0");
        List<BookClient> fayBook = new ArrayList<>(clients(3, Segment.D, "YELLOW"));
        fayBook.addAll(clients(9, Segment.D, "GREEN"));
        CapacityBook fay = csm("fay", BigDecimal.ONE, fayBook);
        assertThat(fay.utilisationPct(policy)).isLessThan(eli.utilisationPct(policy));

        List<CapacityBook.Suggestion> suggestion = dana.suggest(BreachKind.RED_YELLOW_SHARE, List.of(eli, fay, dana), policy);
        assertThat(suggestion).extracting(CapacityBook.Suggestion::clientId).containsExactly(c4, c2);
        assertThat(suggestion).extracting(CapacityBook.Suggestion::toMemberId).containsOnly(eli.memberId());
    }

    @Test
    void e9ACsmWithFewerThanFiveScoredClientsIsNotEvaluated() {
        List<BookClient> book = new ArrayList<>(clients(2, Segment.C, "YELLOW"));
        book.addAll(clients(1, Segment.C, "GREEN"));
        CapacityBook small = csm("small", BigDecimal.ONE, book);
        assertThat(small.redYellowPct(policy)).isNull();
        assertThat(small.breaches(policy)).isEmpty();
    }

    @Test
    void e9NoMemberWithRoomGivesNoCapacity() {
        List<BookClient> book = new ArrayList<>(clients(4, Segment.C, "RED"));
        book.addAll(clients(6, Segment.C, "GREEN"));
        CapacityBook dana = csm("dana", BigDecimal.ONE, book);
        assertThat(dana.suggest(BreachKind.RED_YELLOW_SHARE, List.of(), policy))
                .extracting(CapacityBook.Suggestion::reason).containsOnly("NO_CAPACITY");
    }

    @Test
    void e10AccountLoadOverCapacity() {
        List<BookClient> book = new ArrayList<>(clients(6, Segment.A, null));
        book.addAll(clients(10, Segment.B, null));
        book.addAll(clients(15, Segment.C, null));
        CapacityBook gus = csm("gus", BigDecimal.ONE, book);
        assertThat(gus.load(policy).setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("1.10");
        assertThat(gus.utilisationPct(policy)).isEqualByComparingTo("110.0");
        assertThat(gus.breaches(policy)).containsExactly(BreachKind.OVER_CAPACITY);
    }

    @Test
    void e10HalfTimeCsm() {
        List<BookClient> book = new ArrayList<>(clients(5, Segment.B, null));
        book.addAll(clients(10, Segment.C, null));
        assertThat(csm("half", new BigDecimal("0.5"), book).utilisationPct(policy)).isEqualByComparingTo("80.0");
    }
}
