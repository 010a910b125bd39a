package io.mspcs.platformtest;

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
