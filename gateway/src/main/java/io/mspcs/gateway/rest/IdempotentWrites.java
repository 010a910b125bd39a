package io.mspcs.gateway.rest;

import io.mspcs.gateway.client.UpstreamForwarder;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.RequestFingerprint;
import io.mspcs.gateway.domain.Upstream;
import io.mspcs.gateway.repository.IdempotencyRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code Idempotency-Key} on writes, answered centrally (gateway.md §8, §11 #20): the first answer of a key is stored
 * per tenant for 24 h; the same request again gets that answer without reaching the service, another request with
 * the same key gets 409 {@code idempotency-key-reused}. 5xx and timeouts are not stored, so a retry really retries.
 */
@ApplicationScoped
public class IdempotentWrites {

    static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(IdempotentWrites.class);
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /** Answer headers worth replaying; hop-by-hop and rate-limit headers belong to the live response. */
    private static final Set<String> REPLAYED_HEADERS = Set.of("content-type", "location", "etag");

    private final UpstreamForwarder forwarder;
    private final IdempotencyRepository records;
    private final Clock clock;

    public IdempotentWrites(UpstreamForwarder forwarder, IdempotencyRepository records, Clock clock) {
        this.forwarder = forwarder;
        this.records = records;
        this.clock = clock;
    }

    public void forward(RoutingContext context, Upstream upstream, Principal principal) {
        String key = context.request().getHeader(HEADER);
        if (key == null || !WRITES.contains(context.request().method())) {
            forwarder.forward(context, upstream, principal);
            return;
        }
        if (key.isBlank() || key.length() > 255) {
            ProblemResponses.invalid(context, HEADER, "length", "An Idempotency-Key has 1–255 characters");
            return;
        }
        UUID tenant = principal.tenantId();
        byte[] body = context.body() == null || context.body().buffer() == null ? new byte[0]
                : context.body().buffer().getBytes();
        byte[] fingerprint = RequestFingerprint.of(context.request().method().name(), context.request().uri(), body);
        Instant now = clock.instant();
        records.claim(tenant, key, fingerprint, now, now.plus(RETENTION)).subscribe().with(claimed -> {
            if (claimed) {
                sendAndRemember(context, upstream, principal, key);
            } else {
                answerRepeat(context, tenant, key, fingerprint);
            }
        }, failure -> storeFailed(context, failure));
    }

    private void sendAndRemember(RoutingContext context, Upstream upstream, Principal principal, String key) {
        UUID tenant = principal.tenantId();
        forwarder.send(context, upstream, principal).onComplete(result -> {
            if (result.failed()) {
                records.release(tenant, key).subscribe().with(
                        ignored -> UpstreamForwarder.fail(context, upstream, result.cause()),
                        failure -> UpstreamForwarder.fail(context, upstream, result.cause()));
                return;
            }
            HttpResponse<Buffer> answer = result.result();
            Uni<Void> remember = answer.statusCode() >= 500 ? records.release(tenant, key)
                    : records.complete(tenant, key, answer.statusCode(), replayable(answer.headers()),
                    answer.body() == null ? new byte[0] : answer.body().getBytes(), clock.instant());
            remember.subscribe().with(
                    ignored -> UpstreamForwarder.relay(context, answer.statusCode(), answer.headers(), answer.body()),
                    failure -> {
                        LOG.error("idempotency record not stored", failure);
                        UpstreamForwarder.relay(context, answer.statusCode(), answer.headers(), answer.body());
                    });
        });
    }

    private void answerRepeat(RoutingContext context, UUID tenant, String key, byte[] fingerprint) {
        records.find(tenant, key).subscribe().with(record -> {
            if (record == null || !MessageDigest.isEqual(record.fingerprint(), fingerprint)) {
                ProblemResponses.send(context, 409, "idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was used for a different request");
            } else if (!record.completed()) {
                context.response().putHeader("Retry-After", "1");
                ProblemResponses.send(context, 409, "idempotency-key-reused", "Idempotency key in use",
                        "The first request with this Idempotency-Key is still being processed");
            } else {
                MultiMap headers = MultiMap.caseInsensitiveMultiMap();
                if (record.headers() != null) {
                    record.headers().forEach(h -> headers.add(h.getKey(), String.valueOf(h.getValue())));
                }
                context.response().putHeader("Idempotent-Replayed", "true");
                UpstreamForwarder.relay(context, record.status(), headers, Buffer.buffer(record.body()));
            }
        }, failure -> storeFailed(context, failure));
    }

    private static JsonObject replayable(MultiMap headers) {
        JsonObject kept = new JsonObject();
        headers.forEach(h -> {
            if (REPLAYED_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                kept.put(h.getKey(), h.getValue());
            }
        });
        return kept;
    }

    private static void storeFailed(RoutingContext context, Throwable failure) {
        LOG.error("idempotency store unavailable", failure);
        context.response().putHeader("Retry-After", "5");
        ProblemResponses.send(context, 503, "upstream-unavailable", "Service unavailable",
                "The request cannot be processed right now");
    }

    /** Hourly housekeeping; an expired row is also replaced when its key is claimed again. */
    void schedulePurge(@Observes StartupEvent startup, Vertx vertx) {
        vertx.setPeriodic(PURGE_EVERY.toMillis(), id -> purgeExpired().subscribe().with(
                purged -> LOG.debugf("purged %d idempotency records", purged),
                failure -> LOG.warn("idempotency purge failed", failure)));
    }

    /** The records whose 24 h have passed, across tenants; the number purged. */
    public Uni<Integer> purgeExpired() {
        return records.purgeExpired(clock.instant());
    }
}
