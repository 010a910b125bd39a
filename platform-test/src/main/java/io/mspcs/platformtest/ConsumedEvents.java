package io.mspcs.platformtest;

import org.awaitility.Awaitility;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Waits until a service's consumer committed an event (its {@code processed_event} row exists). One client's
 * records keep their order on a topic, so once the last one is in, everything published before it for that client
 * is too: the way to assert that something did <em>not</em> happen.
 */
public final class ConsumedEvents {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private ConsumedEvents() {
    }

    public static void await(String service, UUID eventId) {
        Awaitility.await().atMost(PATIENCE).until(() -> processed(service, eventId));
    }

    private static boolean processed(String service, UUID eventId) {
        PostgresEndpoint pg = Infra.shared().pg();
        try (var connection = DriverManager.getConnection(pg.jdbcUrl(service + "_test"), pg.user(service), pg.password());
             var statement = connection.prepareStatement("select 1 from processed_event where event_id = ?")) {
            statement.setObject(1, eventId);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("processed_event of " + service + " not readable", e);
        }
    }
}
