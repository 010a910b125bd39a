package io.mspcs.gateway.service;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.SecretBox;
import io.mspcs.gateway.domain.WebhookSignature;
import io.mspcs.gateway.domain.WebhookUrlPolicy;
import io.mspcs.gateway.repository.WebhookDeliveryRepository;
import io.mspcs.gateway.repository.WebhookSubscriptionRepository;
import io.mspcs.gateway.repository.WebhookSubscriptionRepository.StoredSubscription;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook subscriptions (gateway.md §6): at most 20 per tenant; the URL must be https and resolve only to public
 * addresses; the signing secret {@code whsec_…} is shown once and kept encrypted.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    public static final int MAX_PER_TENANT = 20;
    public static final String PING_TYPE = "gateway.WebhookPing.v1";
    static final Duration SECRET_OVERLAP = Duration.ofHours(24);

    private final WebhookSubscriptionRepository repository;
    private final WebhookUrlPolicy urlPolicy;
    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Set<String> allowedPrivateTargets;
    private final WebhookDeliveryRepository deliveries;

    public WebhookSubscriptions(WebhookSubscriptionRepository repository, WebhookDeliveryRepository deliveries,
                                GatewayConfig config, Clock clock) {
        this.repository = repository;
        this.deliveries = deliveries;
        this.urlPolicy = new WebhookUrlPolicy(config.webhooks().allowHttp());
        this.allowedPrivateTargets = Set.copyOf(config.webhooks().allowedPrivateTargets().orElse(List.of()));
        this.secrets = config.webhooks().secretKey().filter(key -> !key.isBlank()).map(key -> new SecretBox(key, random))
                .orElse(null);
        this.clock = clock;
    }

    public record NewSubscription(String url, List<String> types, List<String> clientIds, String description) {
    }

    /** A created subscription with its secret, or why it was refused (field and detail). */
    public record Created(StoredSubscription subscription, String secret, String refusedField, String refusal) {
    }

    /** Null when no secret key is configured: subscriptions cannot be created on this deployment. */
    public Uni<Created> create(UUID tenantId, NewSubscription request) {
        if (secrets == null) {
            return Uni.createFrom().nullItem();
        }
        return checkUrl(request.url())
                .chain(refusal -> refusal.isPresent()
                        ? Uni.createFrom().item(new Created(null, null, "url", refusal.get()))
                        : repository.count(tenantId).chain(count -> count >= MAX_PER_TENANT
                        ? Uni.createFrom().item(new Created(null, null, "subscriptions",
                        "at most " + MAX_PER_TENANT + " subscriptions per tenant"))
                        : store(tenantId, request)));
    }

    /** Why the URL may not receive webhooks (form, then every resolved address); empty when it may. */
    public Uni<Optional<String>> checkUrl(String url) {
        Optional<String> form = urlPolicy.refuseForm(url);
        if (form.isEmpty() && allowedPrivateTargets.contains(authority(url))) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (form.isPresent()) {
            return Uni.createFrom().item(form.filter(refusal -> !allowedPrivateTargets.contains(authority(url))));
        }
        String host = URI.create(url).getHost();
        // DNS is blocking: off the event loop
        return Uni.createFrom().item(() -> urlPolicy.refuseAddresses(resolve(host)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static String authority(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    public String openSecret(byte[] ciphertext) {
        return secrets.open(ciphertext);
    }

    public record Changes(String url, List<String> types, List<String> clientIds, String description, Boolean active) {
    }

    /** The updated subscription, a refusal (field, detail), or null when there is no such subscription. */
    public record Updated(StoredSubscription subscription, String refusedField, String refusal) {
    }

    /**
     * Changes what was given. Pausing sets {@code PAUSED}; re-activating (also after an automatic disable) sets
     * {@code ACTIVE} and sends a test ping (§6).
     */
    public Uni<Updated> update(UUID tenantId, UUID id, Changes changes) {
        return repository.find(tenantId, id).chain(found -> {
            if (found == null) {
                return Uni.createFrom().nullItem();
            }
            String url = changes.url() == null ? found.url() : changes.url();
            Uni<Optional<String>> urlCheck = changes.url() == null ? Uni.createFrom().item(Optional.empty()) : checkUrl(url);
            return urlCheck.chain(refusal -> {
                if (refusal.isPresent()) {
                    return Uni.createFrom().item(new Updated(null, "url", refusal.get()));
                }
                boolean active = changes.active() == null ? found.active() : changes.active();
                boolean reactivated = active && !found.active();
                String status = active ? "ACTIVE" : changes.active() != null ? "PAUSED" : found.status();
                StoredSubscription updated = new StoredSubscription(found.id(), tenantId, url,
                        changes.types() == null ? found.types() : changes.types(),
                        changes.clientIds() == null ? found.clientIds() : changes.clientIds(),
                        changes.description() == null ? found.description() : changes.description(), active, status,
                        found.secretCiphertext(), found.createdAt());
                Instant now = clock.instant();
                return repository.update(updated, now)
                        .chain(() -> reactivated ? ping(updated).replaceWithVoid() : Uni.createFrom().voidItem())
                        .replaceWith(new Updated(updated, null, null));
            });
        });
    }

    /** A new secret (shown once); the old one keeps signing beside it for 24 h. Null when there is no such subscription. */
    public Uni<String> rotateSecret(UUID tenantId, UUID id) {
        if (secrets == null) {
            return Uni.createFrom().nullItem();
        }
        String secret = newSecret();
        Instant now = clock.instant();
        return repository.rotateSecret(tenantId, id, secrets.seal(secret), now.plus(SECRET_OVERLAP), now)
                .map(found -> found ? secret : null);
    }

    /** Queues a ping delivery to the subscription; null when there is no such subscription. */
    public Uni<UUID> test(UUID tenantId, UUID id) {
        return repository.find(tenantId, id).chain(found -> found == null ? Uni.createFrom().nullItem() : ping(found));
    }

    private Uni<UUID> ping(StoredSubscription subscription) {
        UUID eventId = UUID.randomUUID();
        UUID deliveryId = UUID.randomUUID();
        Instant now = clock.instant();
        String payload = new io.vertx.core.json.JsonObject().put("specversion", "1.0").put("id", eventId.toString())
                .put("source", "/cs/gateway").put("type", PING_TYPE).put("time", now.toString())
                .put("subject", subscription.id().toString()).put("tenantid", subscription.tenantId().toString())
                .put("datacontenttype", "application/json")
                .put("data", new io.vertx.core.json.JsonObject().put("subscriptionId", subscription.id().toString()))
                .encode();
        var delivery = new WebhookDeliveryRepository.NewDelivery(deliveryId, subscription.tenantId(), subscription.id(),
                eventId, PING_TYPE, payload);
        return deliveries.insert(subscription.tenantId(), List.of(delivery), now).replaceWith(deliveryId);
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    private Uni<Created> store(UUID tenantId, NewSubscription request) {
        String secret = newSecret();
        StoredSubscription subscription = new StoredSubscription(UUID.randomUUID(), tenantId, request.url(),
                request.types(), request.clientIds(), request.description(), true, "ACTIVE", secrets.seal(secret),
                clock.instant());
        return repository.insert(subscription, clock.instant())
                .replaceWith(new Created(subscription, secret, null, null));
    }

    public Uni<List<StoredSubscription>> list(UUID tenantId) {
        return repository.list(tenantId);
    }

    public Uni<StoredSubscription> get(UUID tenantId, UUID id) {
        return repository.find(tenantId, id);
    }

    public Uni<Boolean> delete(UUID tenantId, UUID id) {
        return repository.delete(tenantId, id);
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
