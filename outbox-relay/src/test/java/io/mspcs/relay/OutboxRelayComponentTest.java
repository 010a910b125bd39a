package io.mspcs.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Topics;
import io.mspcs.platformtest.Infra;
import io.mspcs.platformtest.PostgresEndpoint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An outbox row, committed in PostgreSQL, arrives on the service's topic with the envelope's key and headers. */
class OutboxRelayComponentTest {

    private static final String DATABASE = "health_relay_test";
    private static PostgresEndpoint pg;
    private static OutboxRelay relay;

    @BeforeAll
    static void startRelay() throws Exception {
        Infra infra = Infra.shared();
        pg = infra.pg();
        pg.ensureDatabase(DATABASE, "health");
        migrate();
        relay = TestOutboxRelay.start(pg, infra.kafka().bootstrapServers(), Map.of("health", DATABASE));
    }

    @AfterAll
    static void stopRelay() {
        relay.close();
    }

    @Test
    void relaysACommittedRowWithKeyHeadersAndAnUnencodedValue() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID cause = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID(), "/cs/health-service", EventTypes.DMI_MEASURED,
                Instant.parse("2026-11-20T14:03:12.481Z"), UUID.randomUUID().toString(), tenant, "corr-relay-1", cause,
                EventCodec.mapper().readTree("{\"dmi\": 61.5, \"note\": \"quoted \\\"text\\\"\"}"));
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        insert(event, traceparent);

        ConsumerRecord<String, String> record = consume(event.id());

        assertThat(record.key()).isEqualTo(tenant + ":" + event.subject());
        assertThat(header(record, "id")).contains(event.id().toString());
        assertThat(header(record, "ce_type")).contains(EventTypes.DMI_MEASURED);
        assertThat(header(record, "ce_tenantid")).contains(tenant.toString());
        assertThat(header(record, "ce_correlationid")).contains("corr-relay-1");
        assertThat(header(record, "ce_causationid")).contains(cause.toString());
        assertThat(header(record, "traceparent")).as("the trace crosses the outbox").contains(traceparent);
        JsonNode value = EventCodec.mapper().readTree(record.value());
        assertThat(value.isObject()).as("value is the envelope object, not a JSON string").isTrue();
        assertThat(EventCodec.parse(record.value())).isEqualTo(event);
    }

    @Test
    void omitsTheCausationHeaderWhenTheEventStartedTheChain() throws Exception {
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID(), "/cs/health-service", EventTypes.DMI_MEASURED,
                Instant.parse("2026-11-20T15:00:00Z"), UUID.randomUUID().toString(), UUID.randomUUID(), "corr-relay-2",
                null, EventCodec.mapper().readTree("{\"dmi\": 70}"));
        insert(event);

        ConsumerRecord<String, String> record = consume(event.id());
        assertThat(header(record, "ce_causationid")).isEmpty();
        assertThat(header(record, "traceparent")).as("no trace was active when the row was written").isEmpty();
    }

    private static ConsumerRecord<String, String> consume(UUID eventId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.HEALTH));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (header(record, "id").filter(eventId.toString()::equals).isPresent()) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " did not reach " + Topics.HEALTH);
    }

    private static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void insert(EventEnvelope event) throws SQLException {
        insert(event, null);
    }

    private static void insert(EventEnvelope event, String traceparent) throws SQLException {
        String sql = """
                insert into outbox_event (id, aggregatetype, aggregateid, type, timestamp, tenant_id, partition_key,
                                          correlation_id, causation_id, payload, traceparent)
                values (?, 'Dmi', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""";
        try (var connection = DriverManager.getConnection(pg.jdbcUrl(DATABASE), pg.user("health"), pg.password());
             var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, event.id());
            statement.setString(2, event.subject());
            statement.setString(3, event.type());
            statement.setObject(4, event.time().atOffset(ZoneOffset.UTC));
            statement.setObject(5, event.tenantId());
            statement.setString(6, event.partitionKey());
            statement.setString(7, event.correlationId());
            statement.setObject(8, event.causationId());
            statement.setString(9, EventCodec.write(event));
            statement.setString(10, traceparent);
            statement.executeUpdate();
        }
    }

    /** The outbox table and publication exactly as every service's first migration creates them. */
    private static void migrate() throws SQLException, IOException {
        try (var connection = DriverManager.getConnection(pg.jdbcUrl(DATABASE), pg.user("health"), pg.password());
             var statement = connection.createStatement()) {
            if (statement.executeQuery("select 1 from pg_tables where tablename = 'outbox_event'").next()) {
                return;
            }
            try (InputStream sql = OutboxRelayComponentTest.class.getClassLoader()
                    .getResourceAsStream("db/outbox/V0_1__outbox_and_processed_event.sql")) {
                statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8).replace("${service}", "health"));
            }
        }
    }
}
