package io.mspcs.gateway.service;

import io.mspcs.gateway.domain.ApiKeys;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.repository.ApiKeyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;

/** Turns an {@code X-Api-Key} into a principal; unknown, malformed, expired and revoked keys are all refused alike. */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private final ApiKeyRepository keys;
    private final ApiKeys apiKeys;
    private final Clock clock;

    public ApiKeyAuthenticator(ApiKeyRepository keys, ApiKeys apiKeys, Clock clock) {
        this.keys = keys;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    public Uni<Optional<Principal>> authenticate(String key) {
        Optional<String> prefix = ApiKeys.prefixOf(key);
        if (prefix.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return keys.findByPrefix(prefix.get()).map(stored -> {
            if (stored == null || !apiKeys.matches(key, stored.hash()) || stored.revokedAt() != null
                    || !stored.expiresAt().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(Principal.integration(stored.tenantId(), stored.id(), stored.scopes()));
        });
    }
}
