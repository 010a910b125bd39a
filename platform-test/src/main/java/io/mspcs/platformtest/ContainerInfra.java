package io.mspcs.platformtest;

import io.mspcs.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** For developers with Docker: the same infrastructure from Testcontainers images. CI never uses it. */
final class ContainerInfra {

    private ContainerInfra() {
    }

    static Infra start() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:15")
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=20",
                        "-c", "max_wal_senders=20", "-c", "max_connections=300", "-c", "fsync=off");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        postgres.start();
        kafka.start();
        createTopics(kafka.getBootstrapServers());
        return Infra.of(new ContainerPostgres(postgres), kafka::getBootstrapServers);
    }

    private static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("topics not created", e);
        }
    }

    /**
     * The same roles per service as the local cluster's {@code pg-cluster.sh ensure-db} (architecture.md §5), so the
     * services run as {@code <svc>_app} under row-level security here too (the container's superuser would bypass it).
     */
    private record ContainerPostgres(PostgreSQLContainer<?> container) implements PostgresEndpoint {

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public synchronized void ensureDatabase(String database, String service) {
            try (var connection = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
                    container.getPassword()); var statement = connection.createStatement()) {
                String password = container.getPassword().replace("'", "''");
                for (String role : new String[] {user(service), appUser(service)}) {
                    statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role
                            + "') then create role " + role + " login password '" + password + "'; end if; end $$");
                }
                statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + service
                        + "_relay') then create role " + service + "_relay login replication password '" + password
                        + "'; end if; end $$");
                var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
                if (!exists.next()) {
                    statement.execute("create database " + database + " owner " + user(service));
                    grantOutboxToRelay(database, service);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("database " + database + " not created", e);
            }
        }

        private void grantOutboxToRelay(String database, String service) throws SQLException {
            try (var connection = DriverManager.getConnection(jdbcUrl(database), container.getUsername(),
                    container.getPassword()); var statement = connection.createStatement()) {
                statement.execute("alter default privileges for role " + user(service)
                        + " in schema public grant select on tables to " + service + "_relay");
            }
        }

        @Override
        public String user(String service) {
            return service + "_owner";
        }

        @Override
        public String appUser(String service) {
            return service + "_app";
        }

        @Override
        public String password() {
            return container.getPassword();
        }
    }
}
