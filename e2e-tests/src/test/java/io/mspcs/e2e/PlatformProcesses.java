package io.mspcs.e2e;

import io.mspcs.platformtest.Infra;
import io.mspcs.platformtest.PostgresEndpoint;
import io.mspcs.relay.OutboxRelay;
import io.mspcs.relay.TestOutboxRelay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole platform as it runs: the four packaged services and the gateway as separate JVMs, each on its own
 * database of one PostgreSQL, one Kafka broker, and the Debezium outbox relay. Started once for the IT run.
 */
final class PlatformProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("segmentation", "health", "cadence", "roadmap");
    static final String OPERATOR_SECRET = "e2e-operator-secret";
    private static final String GATEWAY_TOKEN = "e2e-gateway-token-" + UUID.randomUUID();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> httpPorts = new HashMap<>();
    private final Map<String, Integer> managementPorts = new HashMap<>();
    private OutboxRelay relay;

    static PlatformProcesses start() {
        PlatformProcesses platform = new PlatformProcesses();
        try {
            platform.launch();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void launch() {
        Infra infra = Infra.shared();
        PostgresEndpoint pg = infra.pg();
        String kafka = infra.kafka().bootstrapServers();
        Map<String, String> databases = new LinkedHashMap<>();
        for (String service : SERVICES) {
            databases.put(service, service + "_e2e");
        }
        databases.forEach((service, database) -> pg.ensureDatabase(database, service));
        pg.ensureDatabase("gateway_e2e", "gateway");

        for (String service : SERVICES) {
            Map<String, String> env = databaseEnv(pg, service, databases.get(service));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("GATEWAY_TOKEN", GATEWAY_TOKEN);
            spawn(service, service + "-service", env);
        }
        Map<String, String> gatewayEnv = databaseEnv(pg, "gateway", "gateway_e2e");
        gatewayEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        gatewayEnv.put("GATEWAY_TOKEN", GATEWAY_TOKEN);
        gatewayEnv.put("OPERATOR_SECRET", OPERATOR_SECRET);
        gatewayEnv.put("API_KEY_PEPPER", "e2e-pepper");
        // The dev issuer (POST /dev/token) signs users' JWTs; it exists only outside the prod profile.
        Path devJwt = repositoryRoot().resolve("deploy/local/dev-jwt");
        gatewayEnv.put("QUARKUS_PROFILE", "dev");
        gatewayEnv.put("JWT_JWKS_LOCATION", "file:" + devJwt.resolve("publicKey.pem"));
        gatewayEnv.put("JWT_SIGN_KEY_LOCATION", "file:" + devJwt.resolve("privateKey.pem"));
        for (String service : SERVICES) {
            gatewayEnv.put(service.toUpperCase() + "_URL", "http://127.0.0.1:" + httpPorts.get(service));
        }
        spawn("gateway", "gateway", gatewayEnv);

        processes.keySet().forEach(this::awaitReady);
        relay = TestOutboxRelay.start(pg, kafka, databases);
    }

    private static Map<String, String> databaseEnv(PostgresEndpoint pg, String service, String database) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_USER", pg.appUser(service));
        env.put("DB_PASSWORD", pg.password());
        env.put("DB_MIGRATION_USER", pg.user(service));
        env.put("DB_MIGRATION_PASSWORD", pg.password());
        env.put("DB_REACTIVE_URL", pg.reactiveUrl(database));
        env.put("DB_JDBC_URL", pg.jdbcUrl(database));
        return env;
    }

    private void spawn(String name, String module, Map<String, String> env) {
        Path jar = repositoryRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services before the end-to-end tests");
        }
        int http = freePort();
        int management = freePort();
        httpPorts.put(name, http);
        managementPorts.put(name, management);
        Path log = Path.of("target/e2e-logs/" + name + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(http));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
            processes.put(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String name) {
        HttpClient client = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + managementPorts.get(name) + "/q/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(name).isAlive()) {
                throw new IllegalStateException(name + " exited during start; see target/e2e-logs/" + name + ".log");
            }
            try {
                if (client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT + "; see target/e2e-logs/" + name + ".log");
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + httpPorts.get("gateway");
    }

    /** A service's own HTTP port, which only the gateway may call (it presents the shared token). */
    String serviceUrl(String service) {
        return "http://127.0.0.1:" + httpPorts.get(service);
    }

    String gatewayManagementUrl() {
        return "http://127.0.0.1:" + managementPorts.get("gateway");
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
        List<String> names = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            Process process = processes.get(name);
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
