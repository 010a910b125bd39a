package io.mspcs.cadence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One member's digest (cadence.md §5.7, {@code CtaDigestReady}): the DIGEST notices since the last digest, one item
 * per CTA, plus the IMMEDIATE budget used in the same window.
 */
public record Digest(UUID memberId, LocalDate date, List<Item> items, int immediateUsed, int budget) {

    public static final int MAX_ITEMS = 100;

    /** A CTA as the digest shows it; {@code change} says what happened (OPENED, UPDATED, WOKEN …). */
    public record Item(UUID ctaId, UUID clientId, String kind, String title, String priority, Instant dueAt,
                       String change) {
    }

    public Digest {
        items = List.copyOf(items);
    }

    /**
     * Collapses notices (oldest first) to one item per CTA: the CTA keeps the place and the change of its first
     * notice in the window (an opening stays OPENED) and shows its newest title, priority and due date. At most
     * {@link #MAX_ITEMS}, the oldest first.
     */
    public static List<Item> collapse(List<Item> noticesOldestFirst) {
        Map<UUID, Item> byCta = new LinkedHashMap<>();
        for (Item notice : noticesOldestFirst) {
            byCta.merge(notice.ctaId(), notice, (first, newer) -> new Item(first.ctaId(), first.clientId(),
                    newer.kind(), newer.title(), newer.priority(), newer.dueAt(), first.change()));
        }
        List<Item> items = new ArrayList<>(byCta.values());
        return items.size() > MAX_ITEMS ? List.copyOf(items.subList(0, MAX_ITEMS)) : items;
    }
}
