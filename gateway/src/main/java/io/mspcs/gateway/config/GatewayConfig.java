package io.mspcs.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Gateway settings; secrets come from the environment (Kubernetes Secrets), dev values only in %dev/%test. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Shared secret every service requires in {@code X-Gateway-Token}. */
    Optional<String> token();

    /** Protects {@code /platform/v1} on the management port. */
    Optional<String> operatorSecret();

    String apiKeyPepper();

    /** {@code live} in production, {@code test} elsewhere: the key's visible environment. */
    @WithDefault("test")
    String keyEnvironment();

    Services services();

    @WithDefault("10s")
    Duration upstreamTimeout();

    @WithDefault("60s")
    Duration bulkUpstreamTimeout();

    interface Services {
        String segmentation();

        String health();

        String cadence();

        String roadmap();
    }
}
