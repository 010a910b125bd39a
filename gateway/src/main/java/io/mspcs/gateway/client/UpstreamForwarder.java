package io.mspcs.gateway.client;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.CircuitBreaker;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.Upstream;
import io.mspcs.rest.CorrelationId;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.TimeoutException;

/**
 * Forwards an authenticated request unchanged (path, query, body) to the owning service, replacing every
 * identity header with the gateway's own (gateway.md §2.2), and relays the answer. Every call to a service passes its
 * circuit breaker (§3): while it is open the call fails at once with {@link CircuitOpenException} (503).
 */
@ApplicationScoped
public class UpstreamForwarder {

    /** Headers a caller may never set: the gateway alone decides who is calling. */
    static final Set<String> IDENTITY_HEADERS = Set.of("x-tenant-id", "x-principal-id", "x-principal-type", "x-roles",
            "x-scopes", "x-gateway-token", "x-received-at");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    private static final Set<String> CREDENTIALS = Set.of("x-api-key", "authorization");

    private final WebClient client;
    private final GatewayConfig config;
    private final Clock clock;
    private final Map<Upstream, CircuitBreaker> breakers = new EnumMap<>(Upstream.class);

    public UpstreamForwarder(Vertx vertx, GatewayConfig config, Clock clock) {
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000).setKeepAlive(true));
        this.config = config;
        this.clock = clock;
        GatewayConfig.CircuitBreakers settings = config.circuitBreakers();
        for (Upstream service : List.of(Upstream.SEGMENTATION, Upstream.HEALTH, Upstream.CADENCE, Upstream.ROADMAP)) {
            breakers.put(service, new CircuitBreaker(settings.window(), settings.failureRatio(), settings.openFor()));
        }
    }

    /**
     * One call through the service's circuit breaker: refused at once while it is open; a refused connection or a
     * timeout counts as a failure, any HTTP answer as a success (the service is there and answering).
     */
    private Future<HttpResponse<Buffer>> guarded(Upstream upstream, Supplier<Future<HttpResponse<Buffer>>> call) {
        CircuitBreaker breaker = breakers.get(upstream);
        if (!breaker.tryAcquire(clock.instant())) {
            return Future.failedFuture(new CircuitOpenException(upstream));
        }
        return call.get().onComplete(result -> {
            if (result.succeeded() || !isUnreachable(result.cause())) {
                breaker.onSuccess();
            } else {
                breaker.onFailure(clock.instant());
            }
        });
    }

    private static boolean isUnreachable(Throwable cause) {
        return isTimeout(cause) || cause instanceof ConnectException || cause.getCause() instanceof ConnectException;
    }

    public void forward(RoutingContext context, Upstream upstream, Principal principal) {
        send(context, upstream, principal).onComplete(result -> {
            if (result.succeeded()) {
                relay(context, result.result().statusCode(), result.result().headers(), result.result().body());
            } else {
                fail(context, upstream, result.cause());
            }
        });
    }

    /** Sends the caller's request to the owner; only GET is retried, once, and only when the connection failed. */
    public Future<HttpResponse<Buffer>> send(RoutingContext context, Upstream upstream, Principal principal) {
        Future<HttpResponse<Buffer>> first = attempt(context, upstream, principal);
        if (context.request().method() != HttpMethod.GET) {
            return first;
        }
        return first.recover(cause -> cause instanceof ConnectException ? attempt(context, upstream, principal)
                : Future.failedFuture(cause));
    }

    private Future<HttpResponse<Buffer>> attempt(RoutingContext context, Upstream upstream, Principal principal) {
        return guarded(upstream, () -> {
            HttpRequest<Buffer> request = client.requestAbs(context.request().method(),
                    baseUrl(upstream) + context.request().uri()).timeout(timeoutMillis(context));
            copyHeaders(context.request().headers(), request.headers(), true);
            identify(request, principal, context.get("correlationId"), clock.instant());
            Buffer body = context.body() == null || context.body().buffer() == null ? Buffer.buffer() : context.body().buffer();
            return request.sendBuffer(body);
        });
    }

    /** A GET the gateway makes itself (client 360), as the caller, with its own timeout. */
    public Future<HttpResponse<Buffer>> get(Upstream upstream, String pathAndQuery, Principal principal, String correlationId,
                                           Duration timeout) {
        return guarded(upstream, () -> {
            HttpRequest<Buffer> request = client.getAbs(baseUrl(upstream) + pathAndQuery).timeout(timeout.toMillis())
                    .putHeader("Accept", "application/json");
            identify(request, principal, correlationId, clock.instant());
            return request.send();
        });
    }

    /**
     * A JSON POST the gateway makes on a caller's behalf (forwarded PSA callbacks), stamped with the time the data
     * reached the gateway rather than the time of this attempt.
     */
    public Future<HttpResponse<Buffer>> post(Upstream upstream, String path, String json, Principal principal,
                                            String correlationId, Instant receivedAt) {
        Duration timeout = path.endsWith("/bulk") ? config.bulkUpstreamTimeout() : config.upstreamTimeout();
        return guarded(upstream, () -> {
            HttpRequest<Buffer> request = client.postAbs(baseUrl(upstream) + path).timeout(timeout.toMillis())
                    .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json");
            identify(request, principal, correlationId, receivedAt);
            return request.sendBuffer(Buffer.buffer(json));
        });
    }

    private void identify(HttpRequest<Buffer> request, Principal principal, String correlationId, Instant receivedAt) {
        request.putHeader("X-Tenant-Id", principal.tenantId().toString())
                .putHeader("X-Principal-Id", principal.principalId())
                .putHeader("X-Principal-Type", principal.type())
                .putHeader("X-Roles", String.join(",", principal.roles().stream().sorted().toList()))
                .putHeader("X-Scopes", String.join(",", principal.scopes().stream().sorted().toList()))
                .putHeader(CorrelationId.HEADER, correlationId)
                .putHeader("X-Received-At", receivedAt.toString());
        config.token().filter(token -> !token.isBlank()).ifPresent(token -> request.putHeader("X-Gateway-Token", token));
    }

    public static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException;
    }

    /** Relays an upstream (or replayed) answer with the caller's correlation id. */
    public static void relay(RoutingContext context, int status, MultiMap headers, Buffer body) {
        var response = context.response().setStatusCode(status);
        copyHeaders(headers, response.headers(), false);
        response.putHeader(CorrelationId.HEADER, (String) context.get("correlationId"));
        if (body == null) {
            response.end();
        } else {
            response.end(body);
        }
    }

    /** A failed call as the caller sees it: 504 on timeout, otherwise (refused, circuit open) 503 with Retry-After. */
    public static void fail(RoutingContext context, Upstream upstream, Throwable cause) {
        String service = upstream.name().toLowerCase(Locale.ROOT);
        if (isTimeout(cause)) {
            sendProblem(context, 504, "upstream-timeout", "Upstream timeout", service + " did not answer in time");
        } else {
            context.response().putHeader("Retry-After", "5");
            sendProblem(context, 503, "upstream-unavailable", "Service unavailable", cause instanceof CircuitOpenException
                    ? service + " is failing; calls are paused for a few seconds" : service + " is not reachable right now");
        }
    }

    private static void copyHeaders(MultiMap from, MultiMap to, boolean towardsService) {
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            boolean blocked = HOP_BY_HOP.contains(name) || name.equals("x-correlation-id")
                    || (towardsService && (IDENTITY_HEADERS.contains(name) || CREDENTIALS.contains(name)));
            if (!blocked) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private long timeoutMillis(RoutingContext context) {
        return (context.request().path().endsWith("/bulk") ? config.bulkUpstreamTimeout() : config.upstreamTimeout()).toMillis();
    }

    private String baseUrl(Upstream upstream) {
        return switch (upstream) {
            case SEGMENTATION -> config.services().segmentation();
            case HEALTH -> config.services().health();
            case CADENCE -> config.services().cadence();
            case ROADMAP -> config.services().roadmap();
            default -> throw new IllegalArgumentException(upstream + " is not a service");
        };
    }

    private static void sendProblem(RoutingContext context, int status, String slug, String title, String detail) {
        io.mspcs.gateway.rest.ProblemResponses.send(context, status, slug, title, detail);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
