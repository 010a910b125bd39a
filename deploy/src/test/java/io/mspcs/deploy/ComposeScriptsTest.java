package io.mspcs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose one-shot scripts, run here with sh against stand-ins: the topic script against a
 * fake kafka-topics.sh, the registration script against a fake Kafka Connect REST API on loopback.
 */
class ComposeScriptsTest {

    @Test
    void topicScriptCreatesTheEightTopicsWithLocalSizes(@TempDir Path directory) throws Exception {
        Path log = directory.resolve("calls.log");
        Path fake = directory.resolve("kafka-topics.sh");
        Files.writeString(fake, "#!/bin/sh\necho \"$*\" >> '" + log + "'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder builder = new ProcessBuilder("sh", Repo.path("deploy/compose/create-topics.sh").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("out.log").toFile());
        builder.environment().put("KAFKA_TOPICS_BIN", fake.toString());
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        assertThat(run(builder)).as(Files.readString(directory.resolve("out.log"))).isZero();

        Map<String, String> created = new TreeMap<>();
        for (String call : Files.readAllLines(log)) {
            if (call.contains("--create")) {
                assertThat(call).contains("--bootstrap-server kafka:9092", "--if-not-exists", "--replication-factor 1",
                        "retention.ms=" + PlatformRules.THIRTY_DAYS_MS, "cleanup.policy=delete");
                String topic = call.replaceAll(".*--topic (\\S+).*", "$1");
                created.put(topic, call.replaceAll(".*--partitions (\\d+).*", "$1"));
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (String service : Repo.SERVICES) {
            expected.put("cs." + service + ".events", "3");
            expected.put("cs." + service + ".events.dlq", "1");
        }
        assertThat(created).isEqualTo(expected);
    }

    @Test
    void registrationScriptPutsEachConnectorFileConfigAndWaitsUntilRunning(@TempDir Path directory) throws Exception {
        Map<String, String> bodies = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/connectors/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String name = path.split("/")[2];
            byte[] answer;
            int status = 200;
            if (exchange.getRequestMethod().equals("PUT") && path.endsWith("/config")) {
                bodies.put(name, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer = "{}".getBytes(StandardCharsets.UTF_8);
                status = 201;
            } else if (path.endsWith("/status") && bodies.containsKey(name)) {
                answer = ("{\"name\":\"" + name + "\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w\"},"
                        + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"w\"}],\"type\":\"source\"}")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                answer = "{}".getBytes(StandardCharsets.UTF_8);
                status = 404;
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", Repo.path("deploy/compose/register-connectors.sh").toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("out.log").toFile());
            builder.environment().put("CONNECT_URL", "http://127.0.0.1:" + server.getAddress().getPort());
            builder.environment().put("CONNECTORS_DIR", Repo.path("deploy/debezium").toString());
            builder.environment().put("WAIT_SECONDS", "10");
            assertThat(run(builder)).as(Files.readString(directory.resolve("out.log"))).isZero();
        } finally {
            server.stop(0);
        }
        assertThat(bodies).hasSize(Repo.SERVICES.size());
        for (String service : Repo.SERVICES) {
            JsonNode file = Repo.readJson(Repo.path("deploy/debezium/" + service + ".json"));
            String name = file.path("name").asText();
            assertThat(bodies).containsKey(name);
            // What Connect receives is exactly the file's config object, placeholders unresolved.
            assertThat(Repo.JSON.readTree(bodies.get(name))).isEqualTo(file.path("config"));
        }
    }

    @Test
    void scriptsAreValidShell() throws Exception {
        for (String script : List.of("deploy/compose/create-topics.sh", "deploy/compose/register-connectors.sh")) {
            assertThat(run(new ProcessBuilder("sh", "-n", Repo.path(script).toString()).inheritIO())).as(script).isZero();
        }
        assertThat(run(new ProcessBuilder("bash", "-n", Repo.path("deploy/validate.sh").toString()).inheritIO())).isZero();
    }

    private static int run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + builder.command());
        }
        return process.exitValue();
    }
}
