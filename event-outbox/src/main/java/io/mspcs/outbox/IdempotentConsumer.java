package io.mspcs.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.KafkaHeaders;
import io.mspcs.contracts.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one Kafka record through a consumer's handlers exactly once (architecture.md §7): the event id goes into
 * {@code processed_event} in the effect's transaction, so a redelivery changes nothing. Poison records go to the
 * dead-letter topic at once; transient failures are retried with backoff, holding the partition, then dead-lettered.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processed;
    private final ConsumerRetryConfig retry;
    private final MeterRegistry meters;

    public IdempotentConsumer(ProcessedEvents processed, ConsumerRetryConfig retry, MeterRegistry meters) {
        this.processed = processed;
        this.retry = retry;
        this.meters = meters;
    }

    public Uni<Void> consume(Message<String> message, String consumer, EventHandlers handlers) {
        EventEnvelope event;
        try {
            event = EventCodec.parse(message.getPayload());
        } catch (PoisonEventException e) {
            return deadLetter(message, consumer, "unparsed", e, 1);
        }
        if (!handlers.handles(event.type())) {
            return acknowledge(message, consumer, event.type(), "skipped");
        }
        putLogContext(event);
        AtomicInteger tries = new AtomicInteger();
        return Uni.createFrom().deferred(() -> {
                    tries.incrementAndGet();
                    return Panache.withTransaction(() -> processed.markProcessed(event.id(), consumer)
                            .chain(isNew -> isNew
                                    ? handlers.handle(event).replaceWith("processed")
                                    : Uni.createFrom().item("duplicate")));
                })
                .onFailure(failure -> !isPoison(failure)).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff()).withJitter(0.2)
                .atMost(Math.max(0, retry.attempts() - 1))
                .onItemOrFailure().transformToUni((outcome, failure) -> failure == null
                        ? acknowledge(message, consumer, event.type(), outcome)
                        : deadLetter(message, consumer, event.type(), failure, tries.get()))
                .eventually(IdempotentConsumer::clearLogContext);
    }

    private Uni<Void> acknowledge(Message<String> message, String consumer, String type, String outcome) {
        count(type, consumer, outcome);
        return Uni.createFrom().completionStage(message::ack);
    }

    private Uni<Void> deadLetter(Message<String> message, String consumer, String type, Throwable failure, int attempts) {
        LOG.errorf(failure, "dead-lettering %s for consumer %s after %d attempt(s)", type, consumer, attempts);
        count(type, consumer, "dead_lettered");
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLQ_CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLQ_ATTEMPTS, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
        return Uni.createFrom().completionStage(() -> message.nack(failure, metadata));
    }

    private static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return true;
            }
        }
        return false;
    }

    private void count(String type, String consumer, String outcome) {
        meters.counter("cs_events_consumed_total", "type", type, "consumer", consumer, "outcome", outcome).increment();
    }

    private static void putLogContext(EventEnvelope event) {
        MDC.put("tenantId", event.tenantId().toString());
        MDC.put("correlationId", event.correlationId());
        MDC.put("eventId", event.id().toString());
        MDC.put("clientId", event.subject());
    }

    private static void clearLogContext() {
        MDC.remove("tenantId");
        MDC.remove("correlationId");
        MDC.remove("eventId");
        MDC.remove("clientId");
    }
}
