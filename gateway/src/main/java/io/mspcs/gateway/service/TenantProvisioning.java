package io.mspcs.gateway.service;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.ApiKeys;
import io.mspcs.gateway.repository.ApiKeyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The operator's way in: a tenant and its first integration key, in one transaction. */
@ApplicationScoped
public class TenantProvisioning {

    static final Duration KEY_LIFETIME = Duration.ofDays(365);

    private final ApiKeyRepository repository;
    private final ApiKeys apiKeys;
    private final GatewayConfig config;
    private final Clock clock;

    public TenantProvisioning(ApiKeyRepository repository, ApiKeys apiKeys, GatewayConfig config, Clock clock) {
        this.repository = repository;
        this.apiKeys = apiKeys;
        this.config = config;
        this.clock = clock;
    }

    public record ProvisionedTenant(UUID tenantId, UUID apiKeyId, String apiKey, Set<String> scopes, Instant expiresAt) {
    }

    public Uni<ProvisionedTenant> provision(String tenantName, String keyName, Set<String> scopes) {
        UUID tenantId = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(KEY_LIFETIME);
        ApiKeys.IssuedKey issued = apiKeys.issue(config.keyEnvironment());
        return repository.pool().withTransaction(tx -> repository.insertTenant(tx, tenantId, tenantName, now)
                        .chain(() -> repository.insertKey(tx, keyId, tenantId, keyName, issued.prefix(), issued.hash(),
                                scopes, expiresAt, now)))
                .replaceWith(new ProvisionedTenant(tenantId, keyId, issued.key(), scopes, expiresAt));
    }
}
