package io.mspcs.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The local launcher's relay process: every connector file of a directory, offsets in files so a restart
 * continues where it stopped. Usage: {@code OutboxRelayMain --connectors deploy/debezium --offsets-dir DIR};
 * Kafka from {@code KAFKA_BOOTSTRAP_SERVERS}, placeholders from the environment.
 */
public final class OutboxRelayMain {

    private OutboxRelayMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path connectorsDir = Path.of(option(args, "--connectors", "deploy/debezium"));
        Path offsetsDir = Path.of(option(args, "--offsets-dir", "deploy/local/.run/relay-offsets"));
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        Files.createDirectories(offsetsDir);
        List<ConnectorConfig> connectors;
        try (Stream<Path> files = Files.list(connectorsDir)) {
            connectors = files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .map(f -> ConnectorConfig.load(f, System::getenv)).toList();
        }
        OutboxRelay relay = OutboxRelay.withFileOffsets(connectors, bootstrap, offsetsDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            relay.close();
            stopped.countDown();
        }));
        relay.start();
        System.out.println("relay started: " + connectors.stream().map(ConnectorConfig::name).toList() + " -> " + bootstrap);
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
