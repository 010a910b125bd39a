package io.mspcs.health.support;

import io.mspcs.platformtest.Infra;
import io.mspcs.platformtest.PostgresEndpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Direct reads of health-service's test database, for what the API does not show. */
public final class HealthDatabase {

    private HealthDatabase() {
    }

    public static Map<String, Object> clientRow(UUID tenant, UUID client) {
        List<Map<String, Object>> rows = rows("select * from client_health where tenant_id = ? and client_id = ?",
                tenant, client);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static long count(String table, UUID tenant) {
        return (Long) rows("select count(*) as n from " + table + " where tenant_id = ?", tenant).get(0).get("n");
    }

    private static List<Map<String, Object>> rows(String sql, Object... parameters) {
        PostgresEndpoint pg = Infra.shared().pg();
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl("health_test"), pg.user("health"), pg.password());
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("health_test not readable", e);
        }
    }
}
