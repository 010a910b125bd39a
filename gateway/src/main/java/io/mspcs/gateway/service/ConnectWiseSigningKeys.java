package io.mspcs.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ConnectWise signs each callback with a key published at the payload's {@code Metadata.key_url} (gateway.md §9.2).
 * Only a URL on the connection's own host is ever fetched — anything else is refused without a request — and keys
 * are kept 1 h.
 */
@ApplicationScoped
public class ConnectWiseSigningKeys {

    static final Duration KEPT = Duration.ofHours(1);
    private static final int MAX_CACHED = 1_000;

    private record Cached(String key, Instant fetchedAt) {
    }

    private final SigningKeyFetcher fetcher;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ConnectWiseSigningKeys(SigningKeyFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * The signing key behind {@code keyUrl}, or empty when that URL is not on {@code connectionHost} (an origin such
     * as {@code https://api-na.myconnectwise.net}); fails when the host cannot give the key.
     */
    public Uni<Optional<String>> key(String connectionHost, String keyUrl) {
        Optional<URI> url = onHost(connectionHost, keyUrl);
        if (url.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Instant now = clock.instant();
        Cached cached = cache.get(keyUrl);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(KEPT))) {
            return Uni.createFrom().item(Optional.of(cached.key()));
        }
        return fetcher.fetch(url.get()).map(key -> {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(keyUrl, new Cached(key, now));
            return Optional.of(key);
        });
    }

    /** The key URL when its scheme, host and port are exactly the connection's. */
    static Optional<URI> onHost(String connectionHost, String keyUrl) {
        if (connectionHost == null || keyUrl == null) {
            return Optional.empty();
        }
        try {
            URI url = URI.create(keyUrl);
            URI host = URI.create(connectionHost);
            boolean same = url.getScheme() != null && url.getHost() != null && url.getUserInfo() == null
                    && url.getScheme().equalsIgnoreCase(host.getScheme())
                    && url.getHost().toLowerCase(Locale.ROOT).equals(host.getHost().toLowerCase(Locale.ROOT))
                    && port(url) == port(host);
            return same ? Optional.of(url) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
