package io.mspcs.gateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.FeedEntry;
import io.mspcs.gateway.domain.WebhookDeliveryRules;
import io.mspcs.gateway.domain.WebhookRetrySchedule;
import io.mspcs.gateway.domain.WebhookSignature;
import io.mspcs.gateway.repository.WebhookDeliveryRepository;
import io.mspcs.gateway.repository.WebhookDeliveryRepository.Attempt;
import io.mspcs.gateway.repository.WebhookDeliveryRepository.Claimed;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due webhook deliveries (gateway.md §6). Every poll claims due rows ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas share the work), checks the URL again, POSTs the CloudEvent with the Standard Webhooks headers and records
 * the attempt: 2xx delivers, {@code 410} disables the subscription at once, anything else waits for the retry schedule
 * and after the last attempt gives up; three days of nothing but failures disable the subscription.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {

    public static final String METRIC = "cs_webhook_deliveries";
    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);
    /** Longer than the delivery timeout: a claimed row is not taken again while its call may still be running. */
    private static final Duration LEASE = Duration.ofMinutes(1);
    /** §6: at most 4 in flight per subscription (per instance: one poll runs at a time and waits for its calls). */
    static final int IN_FLIGHT_PER_SUBSCRIPTION = 4;
    static final Duration LOG_KEPT = Duration.ofDays(30);

    private final Vertx vertx;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptions subscriptions;
    private final LiveFeed feed;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final GatewayConfig.Webhooks config;
    private final AtomicBoolean polling = new AtomicBoolean();
    private WebClient client;
    private long timer = -1;
    private long purgeTimer = -1;

    public WebhookDeliveryWorker(Vertx vertx, WebhookDeliveryRepository deliveries, WebhookSubscriptions subscriptions,
                                 LiveFeed feed, MeterRegistry metrics, Clock clock, GatewayConfig config) {
        this.vertx = vertx;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.feed = feed;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config.webhooks();
    }

    void start(@Observes StartupEvent started) {
        client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setKeepAlive(false)
                .setConnectTimeout((int) Math.min(config.deliveryTimeout().toMillis(), 5_000)));
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> poll());
        purgeTimer = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> purgeLog()
                .subscribe().with(purged -> LOG.debugf("%d old webhook deliveries purged", purged),
                        failure -> LOG.warnf("webhook log purge failed: %s", failure.getMessage())));
    }

    /** Hourly: forgets finished deliveries older than the log keeps them (30 days); the number forgotten. */
    public Uni<Integer> purgeLog() {
        return deliveries.purge(clock.instant().minus(LOG_KEPT));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            vertx.cancelTimer(purgeTimer);
        }
        if (client != null) {
            client.close();
        }
    }

    /** One poll at a time per instance; the next tick is skipped while the previous one still runs. */
    void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        deliveries.claimDue(clock.instant(), LEASE, config.batchSize(), IN_FLIGHT_PER_SUBSCRIPTION)
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(claimed.stream().map(this::deliver).toList()).andCollectFailures().replaceWithVoid())
                .subscribe().with(done -> polling.set(false), failure -> {
                    polling.set(false);
                    LOG.warnf("webhook poll failed: %s", failure.getMessage());
                });
    }

    private Uni<Void> deliver(Claimed delivery) {
        int attempt = delivery.attempts() + 1;
        Instant at = clock.instant();
        long started = System.nanoTime();
        return subscriptions.checkUrl(delivery.url()).chain(refusal -> refusal.isPresent()
                        ? Uni.createFrom().item(new Answer(null, null, null, "url refused: " + refusal.get()))
                        : post(delivery, at))
                .onFailure().recoverWithItem(failure -> new Answer(null, null, null, describe(failure)))
                .chain(answer -> record(delivery, new Attempt(delivery.id(), attempt, at, answer.status(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), answer.error(),
                        WebhookDeliveryRules.excerpt(answer.body())), answer.retryAfter()))
                .onFailure().invoke(failure -> LOG.errorf(failure, "webhook delivery %s not recorded", delivery.id()));
    }

    private record Answer(Integer status, String body, String retryAfter, String error) {
    }

    private Uni<Answer> post(Claimed delivery, Instant at) {
        long timestamp = at.getEpochSecond();
        String webhookId = delivery.eventId().toString();
        String signature = WebhookSignature.sign(subscriptions.openSecret(delivery.secret()), webhookId, timestamp,
                delivery.payload());
        if (delivery.previousSecret() != null && delivery.previousSecretUntil() != null
                && delivery.previousSecretUntil().isAfter(at)) {
            // both signatures for 24 h after a rotation, so receivers can switch secrets at their own pace
            signature += " " + WebhookSignature.sign(subscriptions.openSecret(delivery.previousSecret()), webhookId,
                    timestamp, delivery.payload());
        }
        io.vertx.core.Future<HttpResponse<Buffer>> sent = client.postAbs(delivery.url())
                .timeout(config.deliveryTimeout().toMillis())
                .putHeader("content-type", "application/cloudevents+json")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .sendBuffer(Buffer.buffer(delivery.payload()));
        return Uni.createFrom().completionStage(sent.toCompletionStage()).map(response -> new Answer(
                response.statusCode(), response.bodyAsString(), response.getHeader("Retry-After"),
                WebhookDeliveryRules.delivered(response.statusCode()) ? null : "HTTP " + response.statusCode()));
    }

    private Uni<Void> record(Claimed delivery, Attempt attempt, String retryAfter) {
        Instant now = attempt.attemptedAt();
        if (WebhookDeliveryRules.delivered(attempt.httpStatus())) {
            count("delivered");
            return deliveries.recordAttempt(delivery, attempt, WebhookDeliveryRepository.DELIVERED, null);
        }
        if (WebhookDeliveryRules.gone(attempt.httpStatus())) {
            count("gone");
            return deliveries.recordAttempt(delivery, attempt, WebhookDeliveryRepository.GIVEN_UP, null)
                    .chain(() -> disable(delivery, "DISABLED_GONE", now));
        }
        Optional<Duration> wait = WebhookRetrySchedule.next(attempt.attempt(),
                ThreadLocalRandom.current().nextDouble(-1, 1), WebhookDeliveryRules.retryAfter(retryAfter, now));
        if (wait.isPresent()) {
            count("failed");
            return deliveries.recordAttempt(delivery, attempt, WebhookDeliveryRepository.PENDING, now.plus(wait.get()));
        }
        count("given_up");
        return deliveries.recordAttempt(delivery, attempt, WebhookDeliveryRepository.GIVEN_UP, null)
                .chain(() -> deliveries.failingSince(delivery.tenantId(), delivery.subscriptionId()))
                .chain(since -> WebhookDeliveryRules.failingTooLong(since, now)
                        ? disable(delivery, "DISABLED_FAILING", now) : Uni.createFrom().voidItem());
    }

    /** Disables the subscription and tells the tenant's live feed. */
    private Uni<Void> disable(Claimed delivery, String status, Instant at) {
        return deliveries.disable(delivery.tenantId(), delivery.subscriptionId(), status, at).invoke(() -> {
            UUID id = UUID.randomUUID();
            String type = "gateway.WebhookSubscriptionDisabled.v1";
            feed.publish(new FeedEntry(id, delivery.tenantId(), "", type, new JsonObject().put("specversion", "1.0")
                    .put("id", id.toString()).put("source", "/cs/gateway").put("type", type).put("time", at.toString())
                    .put("subject", delivery.subscriptionId().toString()).put("tenantid", delivery.tenantId().toString())
                    .put("data", new JsonObject().put("subscriptionId", delivery.subscriptionId().toString())
                            .put("status", status)).encode()));
        });
    }

    private void count(String outcome) {
        metrics.counter(METRIC, List.of(io.micrometer.core.instrument.Tag.of("outcome", outcome))).increment();
    }

    private static String describe(Throwable failure) {
        String kind = failure instanceof java.util.concurrent.TimeoutException ? "timeout"
                : failure instanceof java.net.ConnectException ? "connection refused" : failure.getClass().getSimpleName();
        return kind;
    }
}
