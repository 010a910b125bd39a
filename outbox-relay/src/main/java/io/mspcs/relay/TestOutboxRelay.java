package io.mspcs.relay;

import io.mspcs.platformtest.PostgresEndpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The relay as tests run it (architecture.md §6.2): the repository's connector files, pointed at a test
 * database, each with a slot of its own ({@code cs_<svc>_t<random>}) that is dropped on stop; leftovers of
 * killed test runs are removed first, because a forgotten slot retains WAL.
 */
public final class TestOutboxRelay {

    private TestOutboxRelay() {
    }

    /** @param databases service name → its database (e.g. {@code health → health_e2e}) */
    public static OutboxRelay start(PostgresEndpoint pg, String bootstrapServers, Map<String, String> databases) {
        dropLeftoverTestSlots(pg);
        Path dir = connectorsDirectory();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<ConnectorConfig> connectors = databases.entrySet().stream()
                .map(entry -> ConnectorConfig.load(dir.resolve(entry.getKey() + ".json"), name -> environment(name, pg))
                        .with(Map.of("database.dbname", entry.getValue(),
                                "slot.name", "cs_" + entry.getKey() + "_t" + suffix,
                                "slot.drop.on.stop", "true")))
                .toList();
        OutboxRelay relay = OutboxRelay.withMemoryOffsets(connectors, bootstrapServers);
        relay.start();
        return relay;
    }

    private static String environment(String name, PostgresEndpoint pg) {
        return switch (name) {
            case "PG_HOST" -> pg.host();
            case "PG_PORT" -> Integer.toString(pg.port());
            default -> name.endsWith("_RELAY_PASSWORD") ? pg.password() : null;
        };
    }

    private static void dropLeftoverTestSlots(PostgresEndpoint pg) {
        String sql = "select pg_drop_replication_slot(slot_name) from pg_replication_slots "
                + "where slot_name ~ '^cs_[a-z]+_t[0-9a-f]{8}$' and not active";
        try (var connection = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", pg.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("leftover test slots could not be removed", e);
        }
    }

    /** deploy/debezium, found from the working directory of the module under test. */
    static Path connectorsDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/debezium");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/debezium not found above " + Path.of("").toAbsolutePath());
    }
}
