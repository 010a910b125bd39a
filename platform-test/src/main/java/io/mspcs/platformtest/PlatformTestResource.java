package io.mspcs.platformtest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The one test resource of every component test: the shared PostgreSQL (database {@code <service>_test}; the
 * service connects as its application role, Flyway as the owner) and Kafka, and the gateway token the service
 * expects. Every test class of a module declares it identically, so
 * Quarkus boots once per module.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String GATEWAY_TOKEN = "component-test-gateway-token";

    private String service;

    @Override
    public void init(Map<String, String> args) {
        service = args.get("service");
    }

    @Override
    public Map<String, String> start() {
        Infra infra = Infra.shared();
        String database = service + "_test";
        infra.pg().ensureDatabase(database, service);
        return Map.of(
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "quarkus.datasource.reactive.url", infra.pg().reactiveUrl(database),
                "quarkus.datasource.username", infra.pg().appUser(service),
                "quarkus.datasource.password", infra.pg().password(),
                "quarkus.datasource.jdbc.url", infra.pg().jdbcUrl(database),
                "quarkus.flyway.username", infra.pg().user(service),
                "quarkus.flyway.password", infra.pg().password(),
                "quarkus.devservices.enabled", "false",
                "cs.gateway-token", GATEWAY_TOKEN);
    }

    @Override
    public void stop() {
        // shared by all test classes of the JVM; stopped at JVM exit
    }
}
