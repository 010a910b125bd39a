package io.mspcs.platformtest;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.KafkaHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Puts an event on its topic exactly as the relay does (key, value, headers), for consumer tests. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    public static EventPublisher forSharedInfra() {
        return new EventPublisher(Infra.shared().kafka().bootstrapServers());
    }

    public void publish(EventEnvelope event) {
        publishRaw(EventTypes.topicOf(event.type()), event.partitionKey(), EventCodec.write(event), event);
    }

    /**
     * As the relay publishes a row written while a trace was active: with the W3C {@code traceparent} header, so
     * a consumer test can check that the handling continues the trace (events it appends carry the same trace id).
     */
    public void publish(EventEnvelope event, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(EventTypes.topicOf(event.type()),
                event.partitionKey(), EventCodec.write(event));
        envelopeHeaders(record, event);
        header(record, "traceparent", traceparent);
        send(record);
    }

    /** Any value, e.g. a poison record; headers are taken from {@code headersFrom} when given. */
    public void publishRaw(String topic, String key, String value, EventEnvelope headersFrom) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        if (headersFrom != null) {
            envelopeHeaders(record, headersFrom);
        }
        send(record);
    }

    private static void envelopeHeaders(ProducerRecord<String, String> record, EventEnvelope headersFrom) {
        header(record, KafkaHeaders.ID, headersFrom.id().toString());
        header(record, KafkaHeaders.TYPE, headersFrom.type());
        header(record, KafkaHeaders.TENANT_ID, headersFrom.tenantId().toString());
        header(record, KafkaHeaders.CORRELATION_ID, headersFrom.correlationId());
        if (headersFrom.causationId() != null) {
            header(record, KafkaHeaders.CAUSATION_ID, headersFrom.causationId().toString());
        }
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("event not published", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
