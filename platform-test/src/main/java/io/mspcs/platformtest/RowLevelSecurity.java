package io.mspcs.platformtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security case #13 (gateway.md §2.2 #4, §10): checked against a service's test database over the service's own
 * application role, the way the service itself connects. Every table with a {@code tenant_id} (but the outbox and
 * the processed-event log) must have row-level security on, forced, and the {@code tenant_isolation} policy; a query
 * that names no tenant sees zero rows; a query under one tenant sees exactly that tenant's rows.
 */
public final class RowLevelSecurity {

    private static final String TENANT_TABLES = """
            select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   exists (select from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname
                           and p.policyname = 'tenant_isolation')
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
            where n.nspname = current_schema() and c.relkind in ('r', 'p')
              and c.relname not in ('outbox_event', 'processed_event')
            order by c.relname""";

    private RowLevelSecurity() {
    }

    /**
     * Asserts the isolation on every tenant table of {@code service}'s test database; {@code tenant} must own rows
     * in at least {@code minTablesWithRows} of them (so the check is not vacuous).
     */
    public static void assertTenantTablesIsolated(String service, UUID tenant, int minTablesWithRows) {
        PostgresEndpoint pg = Infra.shared().pg();
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(service + "_test"), pg.appUser(service),
                pg.password())) {
            List<String> tables = tenantTables(connection);
            assertThat(tables).as("tenant tables of " + service).isNotEmpty();
            int tablesWithRows = 0;
            for (String table : tables) {
                assertThat(count(connection, table, null, null)).as("rows of %s visible without app.tenant_id", table)
                        .isZero();
                long own = count(connection, table, tenant, "tenant_id = '" + tenant + "'");
                long others = count(connection, table, tenant, "tenant_id <> '" + tenant + "'");
                assertThat(others).as("other tenants' rows of %s visible to tenant %s", table, tenant).isZero();
                if (own > 0) {
                    tablesWithRows++;
                }
            }
            assertThat(tablesWithRows).as("tables of " + service + " holding rows of the tenant under test")
                    .isGreaterThanOrEqualTo(minTablesWithRows);
        } catch (SQLException e) {
            throw new IllegalStateException("row-level security of " + service + " not checkable", e);
        }
    }

    private static List<String> tenantTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(TENANT_TABLES)) {
            while (rows.next()) {
                String table = rows.getString(1);
                assertThat(rows.getBoolean(2)).as("row level security enabled on " + table).isTrue();
                assertThat(rows.getBoolean(3)).as("row level security forced on " + table).isTrue();
                assertThat(rows.getBoolean(4)).as("tenant_isolation policy on " + table).isTrue();
                tables.add(table);
            }
        }
        return tables;
    }

    /** Counts in its own transaction, with {@code app.tenant_id} set transaction-locally when a tenant is given. */
    private static long count(Connection connection, String table, UUID tenant, String where) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            if (tenant != null) {
                statement.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
            }
            try (var rows = statement.executeQuery("select count(*) from \"" + table + "\""
                    + (where == null ? "" : " where " + where))) {
                rows.next();
                return rows.getLong(1);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
