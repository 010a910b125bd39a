package io.mspcs.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
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

    DevIssuer devIssuer();

    /** How often the services' OpenAPI documents are read again (gateway.md §8). */
    @WithDefault("5m")
    Duration openapiRefresh();

    RateLimits rateLimits();

    Webhooks webhooks();

    Integrations integrations();

    /** Inbound PSA callbacks (gateway.md §9.2). */
    interface Integrations {
        /** ConnectWise hosts over plain http: development and tests only. */
        @WithDefault("false")
        boolean allowHttp();

        /** How often the worker looks for callbacks to forward. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Callbacks one worker forwards per poll. */
        @WithDefault("16")
        int batchSize();

        /** When the daily retention forgets finished callbacks (a Quartz-style cron); {@code off} disables it. */
        @WithDefault("0 23 4 * * ?")
        String retentionCron();
    }

    /** One circuit breaker per service (gateway.md §3): window 20, 50 % failures, open 10 s. */
    CircuitBreakers circuitBreakers();

    interface CircuitBreakers {
        @WithDefault("20")
        int window();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("10s")
        Duration openFor();
    }

    /** Outbound webhooks (gateway.md §6). */
    interface Webhooks {
        /** Encrypts the subscriptions' signing secrets at rest (a Kubernetes Secret); without it none can be created. */
        Optional<String> secretKey();

        /** Plain http targets: development only. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * {@code host:port} targets exempt from the scheme and public-address checks: only the test profile's local
         * receiver; empty (no exemption) everywhere else.
         */
        Optional<List<String>> allowedPrivateTargets();

        /** How often a worker looks for due deliveries. */
        @WithDefault("1s")
        Duration pollInterval();

        /** A receiver must answer 2xx within this time (§6: 10 s). */
        @WithDefault("10s")
        Duration deliveryTimeout();

        /** Deliveries one worker claims per poll. */
        @WithDefault("32")
        int batchSize();
    }

    interface Services {
        String segmentation();

        String health();

        String cadence();

        String roadmap();
    }

    /** The local token issuer of gateway.md §1.2; never in production. */
    interface DevIssuer {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("cs-dev-issuer")
        String issuer();
    }

    /** Token buckets of gateway.md §7, per instance: every capacity and rate is divided by {@code replicas}. */
    interface RateLimits {
        @WithDefault("1")
        int replicas();
    }
}
