package io.mspcs.gateway.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.gateway.domain.FeedEntry;
import io.mspcs.gateway.service.LiveFeed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Every instance reads the four domain topics in its own consumer group (events.md §6: latest offset, no
 * {@code processed_event}) and hands each event to the live feed. An unreadable record is skipped, never retried.
 */
@ApplicationScoped
public class LiveFeedConsumer {

    private static final Logger LOG = Logger.getLogger(LiveFeedConsumer.class);

    private final LiveFeed feed;

    public LiveFeedConsumer(LiveFeed feed) {
        this.feed = feed;
    }

    @Incoming("live-feed")
    public Uni<Void> onEvent(Message<String> message) {
        try {
            EventEnvelope envelope = EventCodec.parse(message.getPayload());
            if (envelope.id() != null && envelope.tenantId() != null && envelope.type() != null) {
                feed.publish(new FeedEntry(envelope.id(), envelope.tenantId(), envelope.subject(), envelope.type(),
                        EventCodec.write(envelope)));
            }
        } catch (RuntimeException e) {
            LOG.warnf("live feed skipped an unreadable record: %s", e.getClass().getSimpleName());
        }
        return Uni.createFrom().completionStage(message.ack());
    }
}
