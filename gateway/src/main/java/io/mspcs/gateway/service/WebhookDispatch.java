package io.mspcs.gateway.service;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.gateway.domain.FeedEntry;
import io.mspcs.gateway.domain.FeedFilter;
import io.mspcs.gateway.repository.WebhookDeliveryRepository;
import io.mspcs.gateway.repository.WebhookDeliveryRepository.NewDelivery;
import io.mspcs.gateway.repository.WebhookSubscriptionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Turns a domain event into one delivery per matching active subscription of the event's own tenant (gateway.md §6):
 * the tenant first, then the type ({@code domain.*} or exact) and the optional client list — the same matching as the
 * live feed. A redelivered event finds its deliveries already there and adds nothing.
 */
@ApplicationScoped
public class WebhookDispatch {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    public WebhookDispatch(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Uni<Void> dispatch(EventEnvelope envelope) {
        FeedEntry entry = new FeedEntry(envelope.id(), envelope.tenantId(), envelope.subject(), envelope.type(), null);
        return subscriptions.listActive(envelope.tenantId()).chain(active -> {
            List<NewDelivery> matching = active.stream()
                    .filter(s -> new FeedFilter(s.tenantId(), new HashSet<>(s.clientIds()), s.types()).matches(entry))
                    .map(s -> new NewDelivery(UUID.randomUUID(), s.tenantId(), s.id(), envelope.id(), envelope.type(),
                            EventCodec.write(envelope)))
                    .toList();
            return deliveries.insert(envelope.tenantId(), matching, clock.instant());
        });
    }
}
