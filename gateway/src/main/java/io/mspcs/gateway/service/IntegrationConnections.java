package io.mspcs.gateway.service;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.ConnectionSource;
import io.mspcs.gateway.domain.SecretBox;
import io.mspcs.gateway.domain.WebhookUrlPolicy;
import io.mspcs.gateway.repository.IntegrationRepository;
import io.mspcs.gateway.repository.IntegrationRepository.StoredCallback;
import io.mspcs.gateway.repository.IntegrationRepository.StoredConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's PSA connections (gateway.md §9.2, §10). Autotask and generic connections share a secret with the sender
 * — given by the admin or generated, shown once, kept encrypted like webhook secrets; ConnectWise connections name
 * the ConnectWise host their signing keys come from.
 */
@ApplicationScoped
public class IntegrationConnections {

    private final IntegrationRepository repository;
    private final SecretBox secrets;
    private final WebhookUrlPolicy hostPolicy;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public IntegrationConnections(IntegrationRepository repository, GatewayConfig config, Clock clock) {
        this.repository = repository;
        this.secrets = config.webhooks().secretKey().filter(key -> !key.isBlank()).map(key -> new SecretBox(key, random))
                .orElse(null);
        this.hostPolicy = new WebhookUrlPolicy(config.integrations().allowHttp());
        this.clock = clock;
    }

    public record NewConnection(ConnectionSource source, String name, String sourceName, String host, String secret) {
    }

    /** The stored connection and, once, its secret; or why it was refused (field, detail). */
    public record Created(StoredConnection connection, String secret, String refusedField, String refusal) {
    }

    public Uni<Created> create(UUID tenantId, NewConnection request) {
        String host = null;
        if (request.source() == ConnectionSource.CONNECTWISE) {
            Optional<String> origin = origin(request.host());
            if (origin.isEmpty()) {
                return refused("host", "host is the https origin of the ConnectWise API, e.g. https://api-na.myconnectwise.net");
            }
            host = origin.get();
        }
        String secret = null;
        byte[] sealed = null;
        if (request.source().sharesSecret()) {
            if (secrets == null) {
                return refused("secret", "this deployment has no key to keep integration secrets");
            }
            secret = request.secret() != null ? request.secret() : newSecret();
            sealed = secrets.seal(secret);
        }
        StoredConnection connection = new StoredConnection(UUID.randomUUID(), tenantId, request.source().wireName(),
                request.sourceName() != null ? request.sourceName() : request.source().wireName(), request.name(), host,
                sealed, IntegrationRepository.ACTIVE, null, clock.instant());
        String shown = secret;
        return repository.insertConnection(connection, clock.instant()).replaceWith(new Created(connection, shown, null, null));
    }

    /** The https origin ({@code scheme://host[:port]}) of a ConnectWise host, if the value is one. */
    public Optional<String> origin(String host) {
        if (host == null || host.length() > 300 || hostPolicy.refuseForm(host).isPresent()) {
            return Optional.empty();
        }
        URI uri = URI.create(host);
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }

    public Uni<List<StoredConnection>> list(UUID tenantId) {
        return repository.listConnections(tenantId);
    }

    public Uni<StoredConnection> get(UUID tenantId, UUID id) {
        return repository.findConnection(tenantId, id);
    }

    /** The changed connection, or why the change was refused. */
    public record Updated(StoredConnection connection, String refusal) {
    }

    /** Changes name, host (ConnectWise only) and whether it is active; null when there is no such connection. */
    public Uni<Updated> update(UUID tenantId, UUID id, String name, String host, Boolean active) {
        return repository.findConnection(tenantId, id).chain(found -> {
            if (found == null) {
                return Uni.createFrom().nullItem();
            }
            if (host != null && !found.source().equals(ConnectionSource.CONNECTWISE.wireName())) {
                return Uni.createFrom().item(new Updated(null, "only ConnectWise connections have a host"));
            }
            String status = active == null ? found.status()
                    : active ? IntegrationRepository.ACTIVE : IntegrationRepository.DEACTIVATED;
            return repository.updateConnection(tenantId, id, name == null ? found.name() : name,
                            host == null ? found.host() : host, status, clock.instant())
                    .chain(() -> repository.findConnection(tenantId, id)).map(c -> new Updated(c, null));
        });
    }

    public Uni<Boolean> delete(UUID tenantId, UUID id) {
        return repository.deleteConnection(tenantId, id);
    }

    /** The newest callbacks of a connection; null when the tenant has no such connection. */
    public Uni<List<StoredCallback>> callbacks(UUID tenantId, UUID id, int limit) {
        return repository.findConnection(tenantId, id).chain(found -> found == null ? Uni.createFrom().nullItem()
                : repository.listCallbacks(tenantId, id, limit));
    }

    /** The shared secret of an Autotask or generic connection; empty when it cannot be opened on this deployment. */
    Optional<String> sharedSecret(StoredConnection connection) {
        if (secrets == null || connection.secretCiphertext() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(secrets.open(connection.secretCiphertext()));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "cscb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Uni<Created> refused(String field, String detail) {
        return Uni.createFrom().item(new Created(null, null, field, detail));
    }
}
