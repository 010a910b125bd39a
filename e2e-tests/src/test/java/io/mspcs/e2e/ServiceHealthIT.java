package io.mspcs.e2e;

import io.mspcs.platformtest.Infra;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health endpoints tell the truth about their dependencies (issue 9, architecture.md §10), on the packaged
 * segmentation-service in its prod profile: readiness goes DOWN when its PostgreSQL stops and UP again after the
 * restart; wellness reports the outbox replication slot (missing, then present with its lag); the published-events
 * counter moves when an outbox row commits; the request's trace reaches the outbox row and the OTLP collector
 * (a stub in this test); logs are JSON.
 * <p>
 * The service gets a PostgreSQL cluster of its own (pg-cluster.sh with CS_PG_PORT / CS_PG_DATA), so stopping it
 * never disturbs the shared cluster other tests use; Kafka is the shared in-JVM broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceHealthIT {

    private static final String SERVICE = "segmentation";
    private static final String DATABASE = "segmentation_health_it";
    private static final String SLOT = "cs_segmentation_outbox";
    private static final String GATEWAY_TOKEN = "health-it-token-" + UUID.randomUUID();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static int pgPort;
    private static Path pgData;
    private static Process service;
    private static Path log;
    private static int httpPort;
    private static int managementPort;
    private static OtlpSink collector;

    @BeforeAll
    static void startServiceOnItsOwnDatabase() {
        pgPort = freePort();
        pgData = Path.of(System.getProperty("java.io.tmpdir"), "cs-pg-health-it-" + pgPort);
        pgCluster("start");
        pgCluster("ensure-db", DATABASE, SERVICE);
        String kafka = Infra.shared().kafka().bootstrapServers();
        collector = OtlpSink.start();

        Path jar = repositoryRoot().resolve(SERVICE + "-service/target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("package the services before the end-to-end tests").isRegularFile();
        httpPort = freePort();
        managementPort = freePort();
        log = Path.of("target/e2e-logs/" + SERVICE + "-health-it.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            env.put("DB_USER", SERVICE + "_app");
            env.put("DB_PASSWORD", "cs-dev");
            env.put("DB_MIGRATION_USER", SERVICE + "_owner");
            env.put("DB_MIGRATION_PASSWORD", "cs-dev");
            env.put("DB_REACTIVE_URL", "postgresql://127.0.0.1:" + pgPort + "/" + DATABASE);
            env.put("DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + DATABASE);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("GATEWAY_TOKEN", GATEWAY_TOKEN);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            service = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(service.isAlive()).as("service exited during start; see " + log).isTrue();
            return readyStatus() == 200;
        });
    }

    @AfterAll
    static void stopEverything() {
        try {
            stopService();
        } finally {
            try {
                if (pgData != null) {
                    pgCluster("purge");
                }
            } finally {
                if (collector != null) {
                    collector.close();
                }
            }
        }
    }

    private static void stopService() {
        if (service != null) {
            service.destroy();
            try {
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void readinessReportsTheDatabaseAndKafkaWhileBothAnswer() {
        JsonPath health = ready().jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(check(health, "database")).containsEntry("status", "UP");
        assertThat(health.getList("checks.name", String.class)).anyMatch(name -> name.toLowerCase().contains("messaging"));
    }

    @Test
    @Order(2)
    void wellnessIsDownWhileNoRelayHasCreatedTheOutboxSlot() {
        JsonPath well = well().jsonPath();

        Map<String, Object> relay = check(well, "outbox-relay");
        assertThat(relay).containsEntry("status", "DOWN");
        assertThat(data(relay).get("error").toString()).contains(SLOT).contains("does not exist");
        assertThat(ready().statusCode()).as("relay state never takes the pod out of service").isEqualTo(200);
    }

    @Test
    @Order(3)
    void wellnessReportsTheLagOnceTheSlotExists() throws SQLException {
        sql("select pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");

        Map<String, Object> relay = check(well().jsonPath(), "outbox-relay");
        assertThat(relay).containsEntry("status", "UP");
        assertThat(((Number) data(relay).get("lagBytes")).longValue()).isGreaterThanOrEqualTo(0).isLessThan(50L * 1024 * 1024);
        assertThat(data(relay)).containsEntry("slot", SLOT).containsEntry("relayConnected", false);
    }

    @Test
    @Order(4)
    void countsAnEventAsPublishedWhenItsOutboxRowCommitsAndKeepsTheRequestsTrace() throws SQLException {
        String type = "segmentation.ClientRegistered.v1";
        double before = publishedCount(type);
        UUID tenant = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        RestAssured.given().baseUri("http://127.0.0.1:" + httpPort)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Tenant-Id", tenant.toString())
                .header("X-Gateway-Token", GATEWAY_TOKEN)
                .header("X-Principal-Id", "health-it")
                .header("X-Roles", "ADMIN")
                .contentType(ContentType.JSON)
                .body(Map.of("source", "connectwise", "items", List.of(Map.of("externalId", "h-1", "name", "Harbor Dental",
                        "status", "ACTIVE", "mrr", Map.of("amount", "4200.00", "currency", "USD"),
                        "contractRenewalDate", "2027-03-31", "fiscalYearEndMonth", 12))))
                .post("/api/v1/clients/bulk").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(publishedCount(type)).isEqualTo(before + 1));
        String metrics = metrics();
        assertThat(metrics).contains("cs_outbox_rows{").contains("cs_outbox_relay_lag_bytes{")
                .doesNotContain("tenant");
        assertThat(outboxTraceparents(tenant)).as("every outbox row of the request continues its trace").isNotEmpty()
                .allSatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(collector.received(traceId)).as("spans of the trace exported over OTLP").isTrue());
    }

    @Test
    @Order(5)
    void readinessGoesDownWhenPostgresStopsAndUpAfterItsRestart() {
        pgCluster("stop");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Response ready = ready();
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(check(ready.jsonPath(), "database")).containsEntry("status", "DOWN");
        });
        assertThat(live().statusCode()).as("a database outage is no reason to restart the pod").isEqualTo(200);

        pgCluster("start");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Response ready = ready();
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(check(ready.jsonPath(), "database")).containsEntry("status", "UP");
        });
    }

    @Test
    @Order(6)
    void logsAreJsonAndTraceExportNeverFailed() throws IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();

        assertThat(lines).isNotEmpty();
        assertThat(lines).filteredOn(line -> line.startsWith("{")).hasSizeGreaterThan(lines.size() / 2);
        assertThat(String.join("\n", lines)).doesNotContainIgnoringCase("Failed to export");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** -1 while the management port is not listening yet. */
    private static int readyStatus() {
        try {
            return ready().statusCode();
        } catch (Exception e) { // REST Assured rethrows ConnectException unchecked
            return -1;
        }
    }

    private static Response ready() {
        return management("/q/health/ready");
    }

    private static Response live() {
        return management("/q/health/live");
    }

    private static Response well() {
        return management("/q/health/well");
    }

    private static String metrics() {
        return management("/q/metrics").asString();
    }

    private static Response management(String path) {
        return RestAssured.given().baseUri("http://127.0.0.1:" + managementPort).get(path);
    }

    /** Sum over the counter's series of the type (the application label may vary). */
    private static double publishedCount(String type) {
        return metrics().lines()
                .filter(line -> line.startsWith("cs_events_published_total{") && line.contains("type=\"" + type + "\""))
                // the value follows the labels; an exemplar ("# {trace_id=...} value time") may follow it
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf('}') + 1).trim().split("\\s+")[0]))
                .sum();
    }

    private static Map<String, Object> check(JsonPath health, String name) {
        List<Map<String, Object>> checks = health.getList("checks");
        return checks.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + name + " in " + health.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> check) {
        return (Map<String, Object>) check.get("data");
    }

    private static List<String> outboxTraceparents(UUID tenant) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + DATABASE,
                "postgres", "cs-dev");
             var query = connection.prepareStatement("select traceparent from outbox_event where tenant_id = ?")) {
            query.setObject(1, tenant);
            List<String> values = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static void sql(String statement) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + DATABASE,
                "postgres", "cs-dev"); var query = connection.createStatement()) {
            query.execute(statement);
        }
    }

    /** platform-test/bin/pg-cluster.sh on this test's own port and data directory. */
    private static void pgCluster(String... args) {
        List<String> command = new ArrayList<>(List.of("bash",
                repositoryRoot().resolve("platform-test/bin/pg-cluster.sh").toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("CS_PG_PORT", Integer.toString(pgPort));
            builder.environment().put("CS_PG_DATA", pgData.toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg-cluster.sh " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("e2e-tests")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
