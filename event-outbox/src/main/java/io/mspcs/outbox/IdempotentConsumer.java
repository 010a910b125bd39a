package io.mspcs.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.KafkaHeaders;
import io.mspcs.contracts.PoisonEventException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.mspcs.rest.TenantScope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one Kafka record through a consumer's handlers exactly once (architecture.md §7): the event id goes into
 * {@code processed_event} in the effect's transaction, so a redelivery changes nothing. Poison records go to the
 * dead-letter topic at once; transient failures are retried with backoff, holding the partition, then dead-lettered.
 * <p>
 * Observability (architecture.md §10): the handling continues the producer's trace from the record's
 * {@code traceparent} header (so events the handler appends carry the same trace), the log MDC holds tenant,
 * correlation, event, client, trace and span ids, and {@code cs_event_handle_seconds} /
 * {@code cs_event_delivery_lag_seconds} (now minus the event's {@code time}) are recorded per consumer.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processed;
    private final ConsumerRetryConfig retry;
    private final MeterRegistry meters;
    private final Tracer tracer;
    private final Clock clock;

    public IdempotentConsumer(ProcessedEvents processed, ConsumerRetryConfig retry, MeterRegistry meters,
                              Tracer tracer, Clock clock) {
        this.processed = processed;
        this.retry = retry;
        this.meters = meters;
        this.tracer = tracer;
        this.clock = clock;
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
        recordDeliveryLag(consumer, event);
        Span span = startSpan(message, consumer, event);
        Scope scope = makeCurrent(span);
        putLogContext(event, span);
        Timer.Sample handling = Timer.start(meters);
        AtomicInteger tries = new AtomicInteger();
        return Uni.createFrom().deferred(() -> {
                    tries.incrementAndGet();
                    return TenantTransactions.inTransaction(TenantScope.tenant(event.tenantId()),
                            () -> processed.markProcessed(event.id(), consumer)
                                    .chain(isNew -> isNew
                                            ? handlers.handle(event).replaceWith("processed")
                                            : Uni.createFrom().item("duplicate")));
                })
                .onFailure(failure -> !isPoison(failure)).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff()).withJitter(0.2)
                .atMost(Math.max(0, retry.attempts() - 1))
                .onItemOrFailure().transformToUni((outcome, failure) -> {
                    handling.stop(handleTimer(consumer));
                    if (failure != null) {
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR, "dead-lettered");
                    }
                    return failure == null
                            ? acknowledge(message, consumer, event.type(), outcome)
                            : deadLetter(message, consumer, event.type(), failure, tries.get());
                })
                .eventually(() -> {
                    span.end();
                    closeQuietly(scope);
                    clearLogContext();
                });
    }

    /**
     * A child of the current context when the Kafka connector's own instrumentation already continued the trace,
     * else of the record's {@code traceparent} header as the relay copied it from the outbox row.
     */
    private Span startSpan(Message<String> message, String consumer, EventEnvelope event) {
        Context parent = Context.current();
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            parent = Traceparent.parent(parent, header(message, Traceparent.HEADER));
        }
        return tracer.spanBuilder(consumer + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("cs.event.type", event.type())
                .setAttribute("cs.event.id", event.id().toString())
                .startSpan();
    }

    /** Stays current until the handling ends, so the handler's outbox appends see this trace. */
    private static Scope makeCurrent(Span span) {
        try {
            return span.makeCurrent();
        } catch (RuntimeException e) {
            LOG.debugf("trace context not attached: %s", e.getMessage());
            return () -> { };
        }
    }

    private static void closeQuietly(Scope scope) {
        try {
            scope.close();
        } catch (RuntimeException e) {
            LOG.debugf("trace scope not closed cleanly: %s", e.getMessage());
        }
    }

    private static String header(Message<String> message, String name) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> metadata.getHeaders().lastHeader(name))
                .map(Header::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .orElse(null);
    }

    private void recordDeliveryLag(String consumer, EventEnvelope event) {
        Duration lag = Duration.between(event.time(), clock.instant());
        Timer.builder("cs_event_delivery_lag_seconds")
                .description("time from the event's creation to its delivery to the consumer")
                .tag("consumer", consumer)
                .publishPercentileHistogram()
                .register(meters)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    private Timer handleTimer(String consumer) {
        return Timer.builder("cs_event_handle_seconds")
                .description("time to handle one event, retries included")
                .tag("consumer", consumer)
                .publishPercentileHistogram()
                .register(meters);
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

    private static void putLogContext(EventEnvelope event, Span span) {
        MDC.put("tenantId", event.tenantId().toString());
        MDC.put("correlationId", event.correlationId());
        MDC.put("eventId", event.id().toString());
        MDC.put("clientId", event.subject());
        if (span.getSpanContext().isValid()) {
            MDC.put("traceId", span.getSpanContext().getTraceId());
            MDC.put("spanId", span.getSpanContext().getSpanId());
        }
    }

    private static void clearLogContext() {
        MDC.remove("tenantId");
        MDC.remove("correlationId");
        MDC.remove("eventId");
        MDC.remove("clientId");
        MDC.remove("traceId");
        MDC.remove("spanId");
    }
}
