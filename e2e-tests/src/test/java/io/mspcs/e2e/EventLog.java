package io.mspcs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything the platform publishes, read from the four topics as it happens (what the live feed would see). */
final class EventLog implements AutoCloseable {

    record Event(String topic, int partition, long offset, String key, String value, JsonNode envelope) {
        String type() {
            return envelope.path("type").asText();
        }

        String header(String name) {
            return envelope.path(name).asText(null);
        }
    }

    private final String bootstrap;
    private final KafkaConsumer<String, String> consumer;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;

    EventLog(String bootstrap) {
        this.bootstrap = bootstrap;
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-event-log-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(Topics.EVENT_TOPICS);
        reader = new Thread(this::read, "e2e-event-log");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        events.add(new Event(record.topic(), record.partition(), record.offset(), record.key(),
                                record.value(), EventCodec.mapper().readTree(record.value())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        } catch (WakeupException stopping) {
            consumer.close();
        }
    }

    List<Event> ofTenant(String tenantId) {
        return events.stream().filter(e -> tenantId.equals(e.envelope().path("tenantid").asText())).toList();
    }

    List<Event> ofTenant(String tenantId, String type) {
        return ofTenant(tenantId).stream().filter(e -> e.type().equals(type)).toList();
    }

    /** True once the consumer group committed past {@code offset} on that partition: the record was handled. */
    boolean consumedBeyond(String group, String topic, int partition, long offset) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata position = committed.get(new TopicPartition(topic, partition));
            return position != null && position.offset() > offset;
        } catch (Exception e) {
            return false;
        }
    }


    @Override
    public void close() {
        consumer.wakeup();
    }
}
