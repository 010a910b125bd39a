package io.mspcs.gateway.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The recent events of each tenant, for resuming with {@code Last-Event-ID} (gateway.md §5): at most
 * {@code perTenant} per tenant and {@code total} in all; the oldest go first. Callers synchronise.
 */
public final class FeedBuffer {

    private final int perTenant;
    private final int total;
    private final Map<UUID, Deque<FeedEntry>> byTenant = new HashMap<>();
    private final Deque<FeedEntry> arrival = new ArrayDeque<>();

    public FeedBuffer(int perTenant, int total) {
        this.perTenant = perTenant;
        this.total = total;
    }

    public synchronized void add(FeedEntry entry) {
        Deque<FeedEntry> tenant = byTenant.computeIfAbsent(entry.tenantId(), t -> new ArrayDeque<>());
        tenant.addLast(entry);
        arrival.addLast(entry);
        if (tenant.size() > perTenant) {
            FeedEntry dropped = tenant.removeFirst();
            arrival.remove(dropped);
        }
        while (arrival.size() > total) {
            FeedEntry oldest = arrival.removeFirst();
            byTenant.get(oldest.tenantId()).remove(oldest);
        }
    }

    /**
     * The buffered events after {@code lastEventId} that match; empty when that id is no longer buffered (the
     * client must reload over REST: {@code event: resync}).
     */
    public synchronized Optional<List<FeedEntry>> after(UUID lastEventId, FeedFilter filter) {
        Deque<FeedEntry> tenant = byTenant.getOrDefault(filter.tenantId(), new ArrayDeque<>());
        List<FeedEntry> later = new ArrayList<>();
        boolean found = false;
        for (Iterator<FeedEntry> it = tenant.iterator(); it.hasNext(); ) {
            FeedEntry entry = it.next();
            if (found && filter.matches(entry)) {
                later.add(entry);
            }
            found |= entry.id().equals(lastEventId);
        }
        return found ? Optional.of(later) : Optional.empty();
    }
}
