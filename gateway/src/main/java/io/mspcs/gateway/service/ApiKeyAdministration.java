package io.mspcs.gateway.service;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.ApiKeys;
import io.mspcs.gateway.repository.ApiKeyRepository;
import io.mspcs.gateway.repository.ApiKeyRepository.NewKey;
import io.mspcs.gateway.repository.ApiKeyRepository.StoredKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A tenant admin's API keys (gateway.md §1.1, §10): created and rotated keys are shown in full once. */
@ApplicationScoped
public class ApiKeyAdministration {

    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(365);
    public static final Duration MAX_LIFETIME = Duration.ofDays(730);
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    public static final Duration MAX_GRACE = Duration.ofDays(7);

    private final ApiKeyRepository repository;
    private final ApiKeys apiKeys;
    private final ApiKeyAuthenticator authenticator;
    private final GatewayConfig config;
    private final Clock clock;

    public ApiKeyAdministration(ApiKeyRepository repository, ApiKeys apiKeys, ApiKeyAuthenticator authenticator,
                                GatewayConfig config, Clock clock) {
        this.repository = repository;
        this.apiKeys = apiKeys;
        this.authenticator = authenticator;
        this.config = config;
        this.clock = clock;
    }

    /** A key as its owner sees it; {@code key} is the full secret, present only in create and rotate answers. */
    public record KeyView(StoredKey stored, String key, String environment) {
    }

    public Uni<KeyView> create(UUID tenantId, String name, Set<String> scopes, Set<String> allowedSources,
                               Duration lifetime) {
        Instant now = clock.instant();
        ApiKeys.IssuedKey issued = apiKeys.issue(config.keyEnvironment());
        NewKey key = new NewKey(UUID.randomUUID(), tenantId, name, issued.prefix(), issued.hash(), scopes, allowedSources,
                now.plus(lifetime));
        return repository.insert(key, now)
                .chain(() -> repository.find(tenantId, key.id()))
                .map(stored -> new KeyView(stored, issued.key(), config.keyEnvironment()));
    }

    public Uni<List<KeyView>> list(UUID tenantId) {
        return repository.list(tenantId).map(keys -> keys.stream().map(this::view).toList());
    }

    public Uni<KeyView> get(UUID tenantId, UUID id) {
        return repository.find(tenantId, id).map(stored -> stored == null ? null : view(stored));
    }

    /** A new key with the same name, scopes and sources; the old one keeps working for {@code grace}. Null: unknown key. */
    public Uni<KeyView> rotate(UUID tenantId, UUID id, Duration grace) {
        return repository.find(tenantId, id).chain(old -> {
            if (old == null) {
                return Uni.createFrom().nullItem();
            }
            Instant now = clock.instant();
            ApiKeys.IssuedKey issued = apiKeys.issue(config.keyEnvironment());
            Duration remaining = Duration.between(now, old.expiresAt());
            Instant expiresAt = now.plus(remaining.compareTo(DEFAULT_LIFETIME) > 0 ? remaining : DEFAULT_LIFETIME);
            NewKey key = new NewKey(UUID.randomUUID(), tenantId, old.name(), issued.prefix(), issued.hash(), old.scopes(),
                    old.allowedSources(), expiresAt);
            return repository.rotate(key, id, now.plus(grace), now)
                    .invoke(() -> authenticator.forget(old.prefix()))
                    .chain(() -> repository.find(tenantId, key.id()))
                    .map(stored -> new KeyView(stored, issued.key(), config.keyEnvironment()));
        });
    }

    public Uni<KeyView> revoke(UUID tenantId, UUID id, String reason) {
        return repository.revoke(tenantId, id, reason, clock.instant())
                .chain(found -> found ? repository.find(tenantId, id) : Uni.createFrom().nullItem())
                .invoke(stored -> {
                    if (stored != null) {
                        authenticator.forget(stored.prefix());
                    }
                })
                .map(stored -> stored == null ? null : view(stored));
    }

    private KeyView view(StoredKey stored) {
        return new KeyView(stored, null, config.keyEnvironment());
    }
}
