package io.mspcs.roadmap.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Remediation first, step 2 (roadmap.md §5.3): all open remediation initiatives go to the current quarter at
 * positions 1…k — CRITICAL first, then gate-linked, then oldest — and every other item keeps its quarter and its
 * order, below them in the current quarter and closed up elsewhere.
 */
public final class RoadmapSequencer {

    private static final Comparator<Quarter> QUARTERS_THEN_BACKLOG = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<Item> REMEDIATION_ORDER = Comparator
            .comparing((Item item) -> item.priority() == Priority.CRITICAL ? 0 : 1)
            .thenComparing(item -> item.gateLinked() ? 0 : 1)
            .thenComparing(Item::createdAt);

    private RoadmapSequencer() {
    }

    /** An open item; {@code placement} is null for an initiative created in this change (not yet placed). */
    public record Item(UUID initiativeId, boolean remediation, Priority priority, boolean gateLinked, Instant createdAt,
                       Placement placement) {

        public Item {
            Objects.requireNonNull(initiativeId, "initiativeId");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        boolean isNew() {
            return placement == null;
        }
    }

    /**
     * @param placements every item's new place, in roadmap order (quarters ascending, backlog last)
     * @param moves      items that were placed before and now sit elsewhere, in roadmap order
     * @param changed    a move happened or a new item was placed: the roadmap gets a new version
     */
    public record Result(Map<UUID, Placement> placements, List<RoadmapMove> moves, boolean changed) {
    }

    /**
     * @param items   the client's open items: placed ones in any order, new ones in creation order
     * @param current the client's current fiscal quarter
     */
    public static Result remediationFirst(List<Item> items, Quarter current) {
        List<Item> placedInOrder = items.stream().filter(item -> !item.isNew())
                .sorted(Comparator.comparing((Item item) -> item.placement().quarter(), QUARTERS_THEN_BACKLOG)
                        .thenComparingInt(item -> item.placement().position()))
                .toList();
        Map<UUID, Placement> before = denseRanks(placedInOrder);

        List<Item> remediation = new ArrayList<>(placedInOrder.stream().filter(Item::remediation).toList());
        items.stream().filter(item -> item.isNew() && item.remediation()).forEach(remediation::add);
        remediation.sort(REMEDIATION_ORDER); // stable: equals keep their roadmap order, new ones last

        TreeMap<Quarter, List<UUID>> lanes = new TreeMap<>(QUARTERS_THEN_BACKLOG);
        lanes.put(current, new ArrayList<>(remediation.stream().map(Item::initiativeId).toList()));
        for (Item item : placedInOrder) {
            if (!item.remediation()) {
                lanes.computeIfAbsent(item.placement().quarter(), quarter -> new ArrayList<>()).add(item.initiativeId());
            }
        }
        items.stream().filter(item -> item.isNew() && !item.remediation())
                .forEach(item -> lanes.get(current).add(item.initiativeId()));

        Map<UUID, Placement> after = new LinkedHashMap<>();
        lanes.forEach((quarter, ids) -> {
            for (int i = 0; i < ids.size(); i++) {
                after.put(ids.get(i), new Placement(quarter, i + 1));
            }
        });

        List<RoadmapMove> moves = new ArrayList<>();
        after.forEach((id, to) -> {
            Placement from = before.get(id);
            if (from != null && !from.equals(to)) {
                moves.add(new RoadmapMove(id, from.quarter(), to.quarter(), from.position(), to.position()));
            }
        });
        boolean placedNew = items.stream().anyMatch(Item::isNew);
        return new Result(after, List.copyOf(moves), placedNew || !moves.isEmpty());
    }

    /** Stored positions may have gaps (an item left the open states); only the rank counts. */
    private static Map<UUID, Placement> denseRanks(List<Item> placedInOrder) {
        Map<UUID, Placement> ranks = new LinkedHashMap<>();
        Map<Quarter, Integer> counters = new TreeMap<>(QUARTERS_THEN_BACKLOG);
        for (Item item : placedInOrder) {
            int rank = counters.merge(item.placement().quarter(), 1, Integer::sum);
            ranks.put(item.initiativeId(), new Placement(item.placement().quarter(), rank));
        }
        return ranks;
    }
}
