package io.mspcs.gateway.service;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per credential and a ceiling per tenant (gateway.md §7), in memory per instance; the limits are
 * divided by the replica count. The credential's bucket is the one reported in the RateLimit-* headers.
 */
@ApplicationScoped
public class RateLimiter {

    private record Limit(long capacity, long refill, Duration period) {
    }

    private static final Limit KEY = new Limit(120, 10, Duration.ofSeconds(1));
    private static final Limit KEY_BULK = new Limit(10, 30, Duration.ofMinutes(1));
    private static final Limit USER = new Limit(60, 5, Duration.ofSeconds(1));
    private static final Limit TENANT = new Limit(600, 50, Duration.ofSeconds(1));
    private static final Limit CALLBACKS = new Limit(200, 20, Duration.ofSeconds(1));

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int replicas;

    public RateLimiter(Clock clock, GatewayConfig config) {
        this.clock = clock;
        this.replicas = Math.max(1, config.rateLimits().replicas());
    }

    public TokenBucket.Outcome take(Principal principal, boolean bulk) {
        Instant now = clock.instant();
        Limit limit = principal.isIntegration() ? (bulk ? KEY_BULK : KEY) : USER;
        String name = (bulk ? "bulk:" : "std:") + principal.principalId();
        TokenBucket.Outcome own = bucket(name, limit, now).tryTake(now);
        if (!own.allowed()) {
            return own;
        }
        TokenBucket.Outcome tenant = bucket("tenant:" + principal.tenantId(), TENANT, now).tryTake(now);
        return tenant.allowed() ? own : tenant;
    }

    /** Inbound PSA callbacks, per connection (§7: 200, 20 per s). */
    public TokenBucket.Outcome takeCallback(java.util.UUID connectionId) {
        Instant now = clock.instant();
        return bucket("callback:" + connectionId, CALLBACKS, now).tryTake(now);
    }

    private TokenBucket bucket(String name, Limit limit, Instant now) {
        return buckets.computeIfAbsent(name, n -> new TokenBucket(Math.max(1, limit.capacity() / replicas),
                Math.max(1, limit.refill() / replicas), limit.period(), now));
    }
}
