package io.mspcs.cadence.support;

import io.mspcs.platformtest.Infra;
import io.mspcs.platformtest.PostgresEndpoint;
import org.awaitility.Awaitility;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Waits until a consumer committed an event (its {@code processed_event} row exists). Records of one client keep
 * their order on a topic, so once the last one is in, everything published before it for that client is too:
 * the way to assert that something did <em>not</em> happen.
 */
public final class Consumed {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private Consumed() {
    }

    public static void await(UUID eventId) {
        Awaitility.await().atMost(PATIENCE).until(() -> processed(eventId));
    }

    private static boolean processed(UUID eventId) {
        PostgresEndpoint pg = Infra.shared().pg();
        try (var connection = DriverManager.getConnection(pg.jdbcUrl("cadence_test"), pg.user("cadence"), pg.password());
             var statement = connection.prepareStatement("select 1 from processed_event where event_id = ?")) {
            statement.setObject(1, eventId);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("processed_event not readable", e);
        }
    }
}
