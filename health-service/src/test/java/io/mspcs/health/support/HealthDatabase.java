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

/**
 * Direct reads of health-service's test database, for what the API does not show. Every read names its tenant and
 * runs under it: the tables have forced row-level security, so a connection without {@code app.tenant_id} sees
 * nothing.
 */
public final class HealthDatabase {

    private HealthDatabase() {
    }

    public static Map<String, Object> clientRow(UUID tenant, UUID client) {
        List<Map<String, Object>> rows = rows(tenant, "select * from client_health where tenant_id = ? and client_id = ?",
                tenant, client);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static long count(String table, UUID tenant) {
        return (Long) rows(tenant, "select count(*) as n from " + table + " where tenant_id = ?", tenant).get(0).get("n");
    }

    /** The highest row version of the tenant's rows of {@code table}: how often a row of it was updated at most. */
    public static int maxVersion(String table, UUID tenant) {
        return (Integer) rows(tenant, "select coalesce(max(version), 0) as v from " + table + " where tenant_id = ?", tenant)
                .get(0).get("v");
    }

    /** Marks a client dirty as if its recompute had been lost (a crash between the commit and the recompute). */
    public static void markDirty(UUID tenant, UUID client) {
        try (Connection connection = connect(tenant);
             var statement = connection.prepareStatement(
                     "update client_health set dirty_at = now() where tenant_id = ? and client_id = ?")) {
            statement.setObject(1, tenant);
            statement.setObject(2, client);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("client " + client + " of tenant " + tenant + " not found");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("health_test not writable", e);
        }
    }

    private static List<Map<String, Object>> rows(UUID tenant, String sql, Object... parameters) {
        try (Connection connection = connect(tenant); var statement = connection.prepareStatement(sql)) {
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

    /** A connection as the service's role, under {@code tenant} for its whole (short) life. */
    private static Connection connect(UUID tenant) throws SQLException {
        PostgresEndpoint pg = Infra.shared().pg();
        Connection connection = DriverManager.getConnection(pg.jdbcUrl("health_test"), pg.appUser("health"),
                pg.password());
        try (var scope = connection.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
            scope.setString(1, tenant.toString());
            scope.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
