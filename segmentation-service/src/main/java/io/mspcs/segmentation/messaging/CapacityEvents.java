package io.mspcs.segmentation.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.OutgoingEvent;
import io.mspcs.segmentation.domain.CapacityBook;
import io.mspcs.segmentation.domain.SegmentationPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the member events (events.md §4.1); subject = memberId. */
public final class CapacityEvents {

    private static final BigDecimal FULL = BigDecimal.valueOf(100);

    private CapacityEvents() {
    }

    record Book(long scored, long red, long yellow, long green, long unscored) {
    }

    record Move(UUID clientId, UUID toMemberId, String reason) {
    }

    record Breached(UUID memberId, String role, String kind, BigDecimal value, BigDecimal limit, Book book,
                    BigDecimal utilisationPct, List<Move> suggestion, Instant detectedAt) {
    }

    record Restored(UUID memberId, String role, String kind, BigDecimal value, BigDecimal limit, Instant restoredAt) {
    }

    public static OutgoingEvent breached(CapacityBook book, CapacityBook.BreachKind kind, SegmentationPolicy.Capacity policy,
                                         List<CapacityBook.Suggestion> suggestion, Instant at) {
        return new OutgoingEvent(EventTypes.CAPACITY_BREACHED, book.memberId().toString(), "TeamMember",
                book.memberId().toString(), new Breached(book.memberId(), book.role().name(), kind.name(),
                value(book, kind.name(), policy), limit(kind.name(), policy),
                new Book(book.scored(), book.count("RED"), book.count("YELLOW"), book.count("GREEN"),
                        book.clients().size() - book.scored()),
                book.utilisationPct(policy),
                suggestion.stream().limit(50).map(s -> new Move(s.clientId(), s.toMemberId(), s.reason())).toList(),
                SegmentEvents.ms(at)));
    }

    public static OutgoingEvent restored(UUID memberId, String role, String kind, CapacityBook book,
                                         SegmentationPolicy.Capacity policy, Instant at) {
        return new OutgoingEvent(EventTypes.CAPACITY_RESTORED, memberId.toString(), "TeamMember", memberId.toString(),
                new Restored(memberId, role, kind, book == null ? BigDecimal.ZERO : value(book, kind, policy),
                        limit(kind, policy), SegmentEvents.ms(at)));
    }

    private static BigDecimal value(CapacityBook book, String kind, SegmentationPolicy.Capacity policy) {
        if (CapacityBook.BreachKind.RED_YELLOW_SHARE.name().equals(kind)) {
            BigDecimal share = book.redYellowPct(policy);
            return share == null ? BigDecimal.ZERO : share;
        }
        return book.utilisationPct(policy);
    }

    private static BigDecimal limit(String kind, SegmentationPolicy.Capacity policy) {
        return CapacityBook.BreachKind.RED_YELLOW_SHARE.name().equals(kind) ? policy.redYellowMaxPct() : FULL;
    }
}
