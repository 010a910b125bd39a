package io.mspcs.gateway.service;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.ApiKeys;
import io.mspcs.gateway.repository.ApiKeyRepository;
import io.mspcs.gateway.repository.ApiKeyRepository.NewKey;
import io.mspcs.gateway.repository.UserRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The operator's way in: a tenant, its first integration key and optionally its first admin user. */
@ApplicationScoped
public class TenantProvisioning {

    private final ApiKeyRepository repository;
    private final UserRepository users;
    private final ApiKeys apiKeys;
    private final GatewayConfig config;
    private final Clock clock;

    public TenantProvisioning(ApiKeyRepository repository, UserRepository users, ApiKeys apiKeys, GatewayConfig config,
                              Clock clock) {
        this.repository = repository;
        this.users = users;
        this.apiKeys = apiKeys;
        this.config = config;
        this.clock = clock;
    }

    public record ProvisionedTenant(UUID tenantId, UUID apiKeyId, String apiKey, Set<String> scopes, Instant expiresAt,
                                    UUID adminUserId) {
    }

    /** The first admin's IdP identity: issuer and subject. */
    public record AdminIdentity(String issuer, String subject, String email) {
    }

    public Uni<ProvisionedTenant> provision(String tenantName, String keyName, Set<String> scopes,
                                            Optional<AdminIdentity> admin) {
        UUID tenantId = UUID.randomUUID();
        Instant now = clock.instant();
        ApiKeys.IssuedKey issued = apiKeys.issue(config.keyEnvironment());
        NewKey key = new NewKey(UUID.randomUUID(), tenantId, keyName, issued.prefix(), issued.hash(), scopes, Set.of(),
                now.plus(ApiKeyAdministration.DEFAULT_LIFETIME));
        // the operator's request touches only the new tenant's rows, so it runs under that tenant (not all tenants)
        return repository.insertTenantWithKey(tenantId, tenantName, key, now)
                .chain(() -> admin.map(a -> users.upsert(tenantId, a.issuer(), a.subject(), a.email(), Set.of("ADMIN"), now)
                        .map(user -> user == null ? null : user.id())).orElse(Uni.createFrom().nullItem()))
                .map(adminId -> new ProvisionedTenant(tenantId, key.id(), issued.key(), scopes, key.expiresAt(), adminId));
    }
}
