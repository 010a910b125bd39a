package io.mspcs.cadence.messaging;

import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.platformtest.DeadLetters;
import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.KafkaHeaders;
import io.mspcs.contracts.Topics;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.Infra;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** events.md §2: a record that can never be processed goes to the dead-letter topic, and the consumer goes on. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class PoisonRecordComponentTest {

    @Inject
    MutableClock clock;

    @Test
    void deadLettersARecordThatIsNotJsonAndKeepsProcessingLaterRecords() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        String key = tenant + ":" + client;
        clock.set(Instant.parse("2026-11-20T14:03:13.112Z"));

        try (EventPublisher publisher = EventPublisher.forSharedInfra()) {
            publisher.publishRaw(Topics.HEALTH, key, "{this is not json", null);
            publisher.publish(TestEvents.dmiDropped(tenant, client, UUID.randomUUID(), 74.0, 61.5, "C",
                    Instant.parse("2026-11-20T14:03:12.481Z"), "corr-after-poison"));
        }

        await().atMost(ConsumedEvents.PATIENCE)
                .until(() -> OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).size() == 1);
        ConsumerRecord<String, String> dead = DeadLetters.awaitRecord(Topics.deadLetter(Topics.HEALTH), key);
        assertThat(dead.value()).isEqualTo("{this is not json");
        assertThat(DeadLetters.header(dead, KafkaHeaders.DLQ_CONSUMER)).contains("cadence-service.health-events");
    }
}
