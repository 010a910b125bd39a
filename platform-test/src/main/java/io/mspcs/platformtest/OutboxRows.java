package io.mspcs.platformtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads what a service appended to its outbox for one tenant: by transaction, then in insertion order (rows are never updated). */
public final class OutboxRows {

    private OutboxRows() {
    }

    public record Row(String type, String partitionKey, String correlationId, UUID causationId, JsonNode envelope) {
    }

    public static List<Row> of(String service, UUID tenantId) {
        PostgresEndpoint pg = Infra.shared().pg();
        String sql = """
                select type, partition_key, correlation_id, causation_id, payload::text from outbox_event
                where tenant_id = ? order by seq""";
        try (var connection = DriverManager.getConnection(pg.jdbcUrl(service + "_test"), pg.user(service), pg.password());
             var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, tenantId);
            List<Row> rows = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getString(3),
                            result.getObject(4, UUID.class), EventCodec.mapper().readTree(result.getString(5))));
                }
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("outbox of " + service + " not readable", e);
        }
    }

    /**
     * The {@code traceparent} column of the tenant's rows in the same order as {@link #of(String, UUID)} (null where
     * no trace was active), e.g. to check that a consumer continued the trace of the event it handled.
     */
    public static List<String> traceparents(String service, UUID tenantId) {
        PostgresEndpoint pg = Infra.shared().pg();
        String sql = "select traceparent from outbox_event where tenant_id = ? order by seq";
        try (var connection = DriverManager.getConnection(pg.jdbcUrl(service + "_test"), pg.user(service), pg.password());
             var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, tenantId);
            List<String> values = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox of " + service + " not readable", e);
        }
    }

    public static List<Row> of(String service, UUID tenantId, String type) {
        return of(service, tenantId).stream().filter(row -> row.type().equals(type)).toList();
    }
}
