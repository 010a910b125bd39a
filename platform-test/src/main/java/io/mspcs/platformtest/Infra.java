package io.mspcs.platformtest;

import org.apache.kafka.common.utils.Exit;

/**
 * PostgreSQL and Kafka for every test of one JVM, started once and stopped at JVM exit. By default the local
 * cluster and an in-JVM broker; {@code -Dcs.infra=containers} (profile {@code containers}) uses Testcontainers.
 */
public final class Infra {

    private static Infra shared;

    private final PostgresEndpoint pg;
    private final KafkaEndpoint kafka;

    private Infra(PostgresEndpoint pg, KafkaEndpoint kafka) {
        this.pg = pg;
        this.kafka = kafka;
    }

    public static synchronized Infra shared() {
        if (shared == null) {
            shared = "containers".equals(System.getProperty("cs.infra")) ? ContainerInfra.start() : startLocal();
        }
        return shared;
    }

    private static Infra startLocal() {
        LocalPostgres pg = LocalPostgres.startIfNeeded();
        // Kafka halts its process on a fatal fault. Stopped from a shutdown hook after the last test, the broker
        // could end a green test JVM with status 1, which Surefire reports as a failed fork: in a test JVM the
        // broker may fail (and its tests with it), but never end the JVM.
        Exit.Procedure report = (status, message) -> System.err.printf("in-JVM Kafka wanted to end the JVM (%d): %s%n",
                status, message);
        Exit.setHaltProcedure(report);
        Exit.setExitProcedure(report);
        InJvmKafka kafka = InJvmKafka.start(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.close();
            } catch (Exception ignored) {
                // the JVM is exiting; the broker's files are temporary
            }
        }, "in-jvm-kafka-stop"));
        return new Infra(pg, kafka);
    }

    static Infra of(PostgresEndpoint pg, KafkaEndpoint kafka) {
        return new Infra(pg, kafka);
    }

    public PostgresEndpoint pg() {
        return pg;
    }

    public KafkaEndpoint kafka() {
        return kafka;
    }
}
