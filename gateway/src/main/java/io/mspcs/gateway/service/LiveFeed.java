package io.mspcs.gateway.service;

import io.mspcs.gateway.domain.FeedBuffer;
import io.mspcs.gateway.domain.FeedEntry;
import io.mspcs.gateway.domain.FeedFilter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * This instance's live feed (gateway.md §5): every event of the four topics enters a bounded buffer and goes to
 * the open connections whose filter matches — the tenant first. Limits: 5 streams per principal, 200 per tenant.
 */
@ApplicationScoped
public class LiveFeed {

    static final int STREAMS_PER_PRINCIPAL = 5;
    static final int STREAMS_PER_TENANT = 200;

    private final FeedBuffer buffer = new FeedBuffer(10_000, 50_000);
    private final Map<UUID, Set<Subscription>> subscriptions = new ConcurrentHashMap<>();

    /** An open connection; {@code deliver} writes one event to it. */
    public record Subscription(String principalId, FeedFilter filter, Consumer<FeedEntry> deliver) {
    }

    public void publish(FeedEntry entry) {
        buffer.add(entry);
        for (Subscription subscription : subscriptions.getOrDefault(entry.tenantId(), Set.of())) {
            if (subscription.filter().matches(entry)) {
                subscription.deliver().accept(entry);
            }
        }
    }

    /** False when a stream limit is reached (429). */
    public synchronized boolean open(Subscription subscription) {
        Set<Subscription> tenant = subscriptions.computeIfAbsent(subscription.filter().tenantId(),
                t -> new CopyOnWriteArraySet<>());
        long mine = tenant.stream().filter(s -> s.principalId().equals(subscription.principalId())).count();
        if (tenant.size() >= STREAMS_PER_TENANT || mine >= STREAMS_PER_PRINCIPAL) {
            return false;
        }
        tenant.add(subscription);
        return true;
    }

    public void close(Subscription subscription) {
        subscriptions.getOrDefault(subscription.filter().tenantId(), Set.of()).remove(subscription);
    }

    public Optional<List<FeedEntry>> after(UUID lastEventId, FeedFilter filter) {
        return buffer.after(lastEventId, filter);
    }
}
