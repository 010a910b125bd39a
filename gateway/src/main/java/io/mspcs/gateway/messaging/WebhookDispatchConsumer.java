package io.mspcs.gateway.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.gateway.service.WebhookDispatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The durable group {@code gateway-webhooks} (gateway.md §6) reads the four domain topics and queues deliveries. The
 * unique (subscription, event) key makes redelivery harmless, so no {@code processed_event} row is needed. A database
 * failure is retried before the record is given up (logged), so one bad moment cannot stop the channel.
 */
@ApplicationScoped
public class WebhookDispatchConsumer {

    private static final Logger LOG = Logger.getLogger(WebhookDispatchConsumer.class);

    private final WebhookDispatch dispatch;

    public WebhookDispatchConsumer(WebhookDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Incoming("webhook-dispatch")
    public Uni<Void> onEvent(Message<String> message) {
        EventEnvelope envelope;
        try {
            envelope = EventCodec.parse(message.getPayload());
        } catch (RuntimeException e) {
            LOG.warnf("webhook dispatch skipped an unreadable record: %s", e.getClass().getSimpleName());
            return Uni.createFrom().completionStage(message.ack());
        }
        if (envelope.id() == null || envelope.tenantId() == null || envelope.type() == null) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return dispatch.dispatch(envelope)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "webhook dispatch gave up event %s", envelope.id());
                    return Uni.createFrom().voidItem();
                })
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}
