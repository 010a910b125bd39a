package io.mspcs.outbox;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The defaults this jar gives every service (META-INF/microprofile-config.properties), resolved as Quarkus does. */
class SharedConfigDefaultsTest {

    @Test
    void tracingIsOffWithoutAnOtlpEndpoint() throws IOException {
        SmallRyeConfig config = config("prod", Map.of());

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void tracingIsOnAndExportsToTheEndpointOnceOneIsSet() throws IOException {
        SmallRyeConfig config = config("prod", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.monitoring:4317"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.otel.exporter.otlp.endpoint", String.class))
                .isEqualTo("http://otel-collector.monitoring:4317");
    }

    @Test
    void testsNeverTraceEvenWithAnEndpoint() throws IOException {
        SmallRyeConfig config = config("test", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void logsAreJsonInProdOnly() throws IOException {
        assertThat(config("prod", Map.of()).getValue("quarkus.log.console.json.enabled", Boolean.class)).isTrue();
        assertThat(config("dev", Map.of()).getValue("quarkus.log.console.json.enabled", Boolean.class)).isFalse();
        assertThat(config("test", Map.of()).getValue("quarkus.log.console.json.enabled", Boolean.class)).isFalse();
    }

    @Test
    void relaySlotIsNamedLikeTheServicesConnectorFile() throws IOException {
        SmallRyeConfig config = config("prod", Map.of());

        assertThat(config.getValue("cs.outbox.slot-name", String.class)).isEqualTo("cs_cadence_outbox");
        assertThat(config.getValue("cs.outbox.service", String.class)).isEqualTo("cadence");
    }

    /** The jar's defaults (ordinal 100), a service's application.properties key, and environment variables. */
    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        URL defaults = SharedConfigDefaultsTest.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
        Map<String, String> env = new HashMap<>(environment);
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(defaults, 100))
                .withSources(new MapBackedConfigSource("application.properties",
                        Map.of("quarkus.flyway.placeholders.service", "cadence"), 250) { })
                .withSources(new MapBackedConfigSource("environment", env, 300) { })
                .build();
    }
}
