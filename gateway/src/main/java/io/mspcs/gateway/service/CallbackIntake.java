package io.mspcs.gateway.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.mspcs.contracts.EventCodec;
import io.mspcs.gateway.domain.CallbackFacts;
import io.mspcs.gateway.domain.CallbackSignatures;
import io.mspcs.gateway.domain.ConnectionSource;
import io.mspcs.gateway.domain.FeedEntry;
import io.mspcs.gateway.repository.IntegrationRepository;
import io.mspcs.gateway.repository.IntegrationRepository.StoredConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Takes a PSA callback in (gateway.md §9.2): the connection named in the URL decides the tenant; the signature is
 * checked over the raw bytes before the payload is used; a valid callback is stored once (deduplicated) for the
 * worker and answered at once. ConnectWise is the one sender whose key URL has to be read from the payload first.
 */
@ApplicationScoped
public class CallbackIntake {

    public static final String DEACTIVATED_TYPE = "gateway.IntegrationDeactivated.v1";
    /** Callbacks received, by {@code result}: accepted, duplicate, not_found, bad_signature, malformed, key_unavailable. */
    public static final String RECEIVED_METRIC = "cs_inbound_callbacks_received";
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    public enum Result { ACCEPTED, DUPLICATE, NOT_FOUND, BAD_SIGNATURE, MALFORMED, KEY_UNAVAILABLE }

    private final IntegrationRepository repository;
    private final IntegrationConnections connections;
    private final ConnectWiseSigningKeys connectWiseKeys;
    private final LiveFeed feed;
    private final MeterRegistry metrics;
    private final Clock clock;

    public CallbackIntake(IntegrationRepository repository, IntegrationConnections connections,
                          ConnectWiseSigningKeys connectWiseKeys, LiveFeed feed, MeterRegistry metrics, Clock clock) {
        this.repository = repository;
        this.connections = connections;
        this.connectWiseKeys = connectWiseKeys;
        this.feed = feed;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @param header the request's headers by name (case-insensitive lookup) */
    public Uni<Result> receive(UUID connectionId, Function<String, String> header, byte[] body) {
        return verified(connectionId, header, body, connection -> store(connection, body))
                .invoke(result -> metrics.counter(RECEIVED_METRIC,
                        List.of(Tag.of("result", result.name().toLowerCase(Locale.ROOT)))).increment());
    }

    /** Autotask's deactivation URL: the connection is marked deactivated and the tenant's admins are told. */
    public Uni<Result> deactivated(UUID connectionId, Function<String, String> header, byte[] body) {
        return verified(connectionId, header, body, connection -> {
            Instant now = clock.instant();
            return repository.updateConnection(connection.tenantId(), connection.id(), connection.name(),
                            connection.host(), IntegrationRepository.DEACTIVATED, now)
                    .invoke(() -> announceDeactivation(connection, now)).replaceWith(Result.ACCEPTED);
        });
    }

    private Uni<Result> verified(UUID connectionId, Function<String, String> header, byte[] body,
                                 Function<StoredConnection, Uni<Result>> then) {
        return repository.findConnectionForCallback(connectionId).chain(connection -> {
            if (connection == null) {
                return Uni.createFrom().item(Result.NOT_FOUND);
            }
            ConnectionSource source = ConnectionSource.parse(connection.source()).orElseThrow();
            Uni<Result> check = switch (source) {
                case AUTOTASK -> Uni.createFrom().item(connections.sharedSecret(connection)
                        .filter(secret -> CallbackSignatures.autotaskMatches(secret, body, header.apply("X-Hook-Signature")))
                        .isPresent() ? null : Result.BAD_SIGNATURE);
                case GENERIC -> Uni.createFrom().item(connections.sharedSecret(connection)
                        .filter(secret -> CallbackSignatures.genericMatches(secret, body, header.apply("X-CS-Signature")))
                        .isPresent() ? null : Result.BAD_SIGNATURE);
                case CONNECTWISE -> connectWise(connection, header.apply("x-content-signature"), body);
            };
            return check.chain(refusal -> refusal != null ? Uni.createFrom().item(refusal) : then.apply(connection));
        });
    }

    /** Null when the signature matches the key published on the connection's host. */
    private Uni<Result> connectWise(StoredConnection connection, String signature, byte[] body) {
        if (signature == null || signature.isBlank()) {
            return Uni.createFrom().item(Result.BAD_SIGNATURE);
        }
        // the key URL is the one thing read before the signature is checked; nothing else of the payload is used
        String keyUrl = parse(body).map(json -> CallbackFacts.text(json, "Metadata", "key_url")).orElse(null);
        if (keyUrl == null) {
            return Uni.createFrom().item(Result.BAD_SIGNATURE);
        }
        return connectWiseKeys.key(connection.host(), keyUrl)
                .map(key -> key.filter(k -> CallbackSignatures.connectWiseMatches(k, body, signature)).isPresent()
                        ? (Result) null : Result.BAD_SIGNATURE)
                .onFailure().recoverWithItem(Result.KEY_UNAVAILABLE);
    }

    private Uni<Result> store(StoredConnection connection, byte[] body) {
        Optional<Map<String, Object>> json = parse(body);
        if (json.isEmpty()) {
            return Uni.createFrom().item(Result.MALFORMED);
        }
        ConnectionSource source = ConnectionSource.parse(connection.source()).orElseThrow();
        CallbackFacts facts = CallbackFacts.of(source, withEntity(json.get()));
        var callback = new IntegrationRepository.NewCallback(UUID.randomUUID(), connection.tenantId(), connection.id(),
                facts.dedupeKey(body), facts.entity(), facts.action(), facts.externalId(),
                new String(body, StandardCharsets.UTF_8), clock.instant());
        return repository.insertCallback(callback).map(inserted -> inserted ? Result.ACCEPTED : Result.DUPLICATE);
    }

    /** The payload as maps and lists; empty unless it is a JSON object. */
    static Optional<Map<String, Object>> parse(byte[] body) {
        try {
            return Optional.ofNullable(EventCodec.mapper().readValue(body, OBJECT));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** ConnectWise sends its {@code Entity} as a JSON string inside the JSON; read it as the object it is. */
    static Map<String, Object> withEntity(Map<String, Object> json) {
        if (json.get("Entity") instanceof String entity) {
            Map<String, Object> copy = new LinkedHashMap<>(json);
            copy.put("Entity", parse(entity.getBytes(StandardCharsets.UTF_8)).orElse(Map.of()));
            return copy;
        }
        return json;
    }

    private void announceDeactivation(StoredConnection connection, Instant at) {
        UUID id = UUID.randomUUID();
        feed.publish(new FeedEntry(id, connection.tenantId(), "", DEACTIVATED_TYPE, new JsonObject()
                .put("specversion", "1.0").put("id", id.toString()).put("source", "/cs/gateway")
                .put("type", DEACTIVATED_TYPE).put("time", at.toString()).put("subject", connection.id().toString())
                .put("tenantid", connection.tenantId().toString())
                .put("data", new JsonObject().put("connectionId", connection.id().toString())
                        .put("source", connection.source()).put("name", connection.name())).encode()));
    }
}
