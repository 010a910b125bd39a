package io.mspcs.gateway.service;

import io.mspcs.gateway.domain.ApiKeys;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.repository.ApiKeyRepository;
import io.mspcs.gateway.repository.ApiKeyRepository.StoredKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns an {@code X-Api-Key} into a principal; unknown, malformed, expired and revoked keys are all refused alike.
 * Lookups are cached 30 s (gateway.md §1.1): a revocation is immediate here and reaches other instances within that.
 * Expiry is checked on every request against the cached row, so a rotated key's grace ends on time.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** lastUsedAt (gateway.md §1.1) is a coarse hint: one write per key and minute at most, from each instance. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final ApiKeys apiKeys;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> touched = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(ApiKeyRepository keys, ApiKeys apiKeys, Clock clock) {
        this.keys = keys;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    private record Cached(Optional<StoredKey> key, long loadedAtNanos) {
        boolean fresh() {
            return System.nanoTime() - loadedAtNanos < CACHE_NANOS;
        }
    }

    public Uni<Optional<Principal>> authenticate(String key) {
        Optional<String> prefix = ApiKeys.prefixOf(key);
        if (prefix.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Cached cached = cache.get(prefix.get());
        Uni<Optional<StoredKey>> stored = cached != null && cached.fresh()
                ? Uni.createFrom().item(cached.key())
                : keys.findByPrefix(prefix.get()).map(Optional::ofNullable)
                        .invoke(found -> cache.put(prefix.get(), new Cached(found, System.nanoTime())));
        return stored.map(found -> found.filter(s -> valid(key, s)).map(
                s -> Principal.integration(s.tenantId(), s.id(), s.scopes(), s.allowedSources())))
                .call(principal -> principal.isPresent() ? touch(principal.get()) : Uni.createFrom().voidItem());
    }

    /** Called by key administration on this instance: revocation and rotation take effect at once. */
    public void forget(String prefix) {
        cache.remove(prefix);
    }

    private boolean valid(String key, StoredKey stored) {
        Instant now = clock.instant();
        return apiKeys.matches(key, stored.hash()) && stored.revokedAt() == null && stored.expiresAt().isAfter(now);
    }

    private Uni<Void> touch(Principal principal) {
        UUID keyId = UUID.fromString(principal.principalId());
        Instant now = clock.instant();
        Instant previous = touched.get(keyId);
        if (previous != null && Duration.between(previous, now).abs().compareTo(TOUCH_EVERY) < 0) {
            return Uni.createFrom().voidItem(); // a transaction per request for a hint would cost more than it tells
        }
        touched.put(keyId, now);
        return keys.touch(principal.tenantId(), keyId, now).onFailure().recoverWithNull().replaceWithVoid();
    }
}
