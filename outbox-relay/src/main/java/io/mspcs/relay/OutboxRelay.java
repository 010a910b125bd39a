package io.mspcs.relay;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.Header;
import io.debezium.engine.format.Json;
import io.debezium.engine.format.SimpleString;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays outbox rows to Kafka with one embedded Debezium engine per service database: the connector files'
 * Postgres connector and outbox EventRouter, with plain-string key, value (the jsonb envelope as written) and headers,
 * then an idempotent {@code acks=all} producer. A batch is marked
 * processed only after Kafka acknowledged every record, so a crash re-sends (at least once) and never loses.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final List<ConnectorConfig> connectors;
    private final KafkaProducer<String, String> producer;
    private final ExecutorService engines;
    private final List<DebeziumEngine<ChangeEvent<String, String>>> running = new ArrayList<>();
    /** Where engines keep their positions: a file per connector, or memory (null) in tests. */
    private final Path offsetsDirectory;

    private OutboxRelay(List<ConnectorConfig> connectors, String bootstrapServers, Path offsetsDirectory) {
        this.connectors = List.copyOf(connectors);
        this.offsetsDirectory = offsetsDirectory;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new StringSerializer());
        this.engines = Executors.newFixedThreadPool(connectors.size(), runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-engine");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Positions survive a restart: the relay continues where it stopped. */
    public static OutboxRelay withFileOffsets(List<ConnectorConfig> connectors, String bootstrapServers, Path directory) {
        return new OutboxRelay(connectors, bootstrapServers, directory);
    }

    /** Tests: positions die with the JVM, as do their slots (dropped on stop). */
    public static OutboxRelay withMemoryOffsets(List<ConnectorConfig> connectors, String bootstrapServers) {
        return new OutboxRelay(connectors, bootstrapServers, null);
    }

    /** Starts every engine once its publication exists, and returns when every replication slot is in place. */
    public void start() {
        for (ConnectorConfig connector : connectors) {
            awaitPublication(connector);
            DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(SimpleString.class, SimpleString.class, Json.class)
                    .using(engineProperties(connector))
                    .notifying(this::relay)
                    .using((success, message, error) -> {
                        if (!success) {
                            LOG.log(Level.SEVERE, "engine " + connector.name() + " stopped: " + message, error);
                        }
                    })
                    .build();
            running.add(engine);
            engines.execute(engine);
        }
        connectors.forEach(OutboxRelay::awaitSlot);
    }

    private void relay(List<ChangeEvent<String, String>> batch, DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (ChangeEvent<String, String> change : batch) {
            if (change.value() == null) {
                continue; // deletes by the retention job are not events
            }
            ProducerRecord<String, String> record = new ProducerRecord<>(change.destination(), change.key(), change.value());
            for (Header<?> header : change.headers()) {
                String value = header.getValue() == null ? null : unquote(header.getValue().toString());
                if (value != null && !header.getKey().startsWith("__debezium")) {
                    record.headers().add(header.getKey(), value.getBytes(StandardCharsets.UTF_8));
                }
            }
            sends.add(producer.send(record));
        }
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka refused an outbox record; the batch will be re-read", e);
        }
        for (ChangeEvent<String, String> change : batch) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    /** Headers only come in the Json format, which quotes string values ({@code "a"}); Kafka gets them plain. */
    static String unquote(String json) {
        if (json.equals("null")) {
            return null;
        }
        if (json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")) {
            return json.substring(1, json.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return json;
    }

    private Properties engineProperties(ConnectorConfig connector) {
        Properties props = new Properties();
        connector.config().forEach((key, value) -> {
            // The engine's formats bring their own converters; Connect's belong to Kafka Connect only.
            if (!key.contains("converter")) {
                props.setProperty(key, value);
            }
        });
        props.setProperty("name", connector.name());
        props.setProperty("converter.schemas.enable", "false");
        props.setProperty("offset.flush.interval.ms", "1000");
        if (offsetsDirectory == null) {
            props.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        } else {
            props.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
            props.setProperty("offset.storage.file.filename", offsetsDirectory.resolve(connector.name() + ".offsets").toString());
        }
        return props;
    }

    private static void awaitPublication(ConnectorConfig connector) {
        awaitRow(connector, "select 1 from pg_publication where pubname = ?", connector.get("publication.name"),
                "publication");
    }

    private static void awaitSlot(ConnectorConfig connector) {
        awaitRow(connector, "select 1 from pg_replication_slots where slot_name = ?", connector.get("slot.name"),
                "replication slot");
    }

    /** The service creates the publication in its migration; the engine creates the slot: wait for either. */
    private static void awaitRow(ConnectorConfig connector, String sql, String name, String what) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            try (var connection = DriverManager.getConnection(connector.jdbcUrl(), connector.get("database.user"),
                    connector.get("database.password")); var statement = connection.prepareStatement(sql)) {
                statement.setString(1, name);
                if (statement.executeQuery().next()) {
                    return;
                }
            } catch (SQLException e) {
                LOG.fine(() -> what + " " + name + " not reachable yet: " + e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " " + name + " did not appear in " + connector.get("database.dbname"));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        for (DebeziumEngine<ChangeEvent<String, String>> engine : running) {
            try {
                engine.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "engine did not close cleanly", e);
            }
        }
        engines.shutdown();
        producer.close();
    }
}
