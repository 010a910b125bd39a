package io.mspcs.gateway.service;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.SecretBox;
import io.mspcs.gateway.domain.WebhookSignature;
import io.mspcs.gateway.domain.WebhookUrlPolicy;
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

    private final WebhookSubscriptionRepository repository;
    private final WebhookUrlPolicy urlPolicy;
    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public WebhookSubscriptions(WebhookSubscriptionRepository repository, GatewayConfig config, Clock clock) {
        this.repository = repository;
        this.urlPolicy = new WebhookUrlPolicy(config.webhooks().allowHttp());
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
        Optional<String> form = urlPolicy.refuseForm(request.url());
        if (form.isPresent()) {
            return Uni.createFrom().item(new Created(null, null, "url", form.get()));
        }
        String host = URI.create(request.url()).getHost();
        // DNS is blocking: off the event loop
        return Uni.createFrom().item(() -> urlPolicy.refuseAddresses(resolve(host)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(refusal -> refusal.isPresent()
                        ? Uni.createFrom().item(new Created(null, null, "url", refusal.get()))
                        : repository.count(tenantId).chain(count -> count >= MAX_PER_TENANT
                        ? Uni.createFrom().item(new Created(null, null, "subscriptions",
                        "at most " + MAX_PER_TENANT + " subscriptions per tenant"))
                        : store(tenantId, request)));
    }

    private Uni<Created> store(UUID tenantId, NewSubscription request) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
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
