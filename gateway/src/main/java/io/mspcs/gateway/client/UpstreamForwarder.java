package io.mspcs.gateway.client;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.Upstream;
import io.mspcs.rest.CorrelationId;
import io.vertx.core.MultiMap;
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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Forwards an authenticated request unchanged (path, query, body) to the owning service, replacing every
 * identity header with the gateway's own (gateway.md §2.2), and relays the answer.
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

    public UpstreamForwarder(Vertx vertx, GatewayConfig config, Clock clock) {
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000).setKeepAlive(true));
        this.config = config;
        this.clock = clock;
    }

    public void forward(RoutingContext context, Upstream upstream, Principal principal) {
        String correlationId = context.get("correlationId");
        HttpRequest<Buffer> request = client.requestAbs(context.request().method(), baseUrl(upstream) + context.request().uri())
                .timeout(timeoutMillis(context));
        copyHeaders(context.request().headers(), request.headers(), true);
        request.putHeader("X-Tenant-Id", principal.tenantId().toString())
                .putHeader("X-Principal-Id", principal.principalId())
                .putHeader("X-Principal-Type", principal.type())
                .putHeader("X-Roles", String.join(",", principal.roles()))
                .putHeader("X-Scopes", String.join(",", principal.scopes()))
                .putHeader(CorrelationId.HEADER, correlationId)
                .putHeader("X-Received-At", clock.instant().toString());
        config.token().filter(token -> !token.isBlank()).ifPresent(token -> request.putHeader("X-Gateway-Token", token));
        Buffer body = context.body() == null || context.body().buffer() == null ? Buffer.buffer() : context.body().buffer();
        request.sendBuffer(body).onComplete(result -> {
            if (result.succeeded()) {
                relay(context, result.result(), correlationId);
            } else if (result.cause() instanceof TimeoutException
                    || result.cause() instanceof io.netty.handler.timeout.TimeoutException) {
                sendProblem(context, 504, "upstream-timeout", "Upstream timeout", upstream + " did not answer in time");
            } else {
                context.response().putHeader("Retry-After", "5");
                sendProblem(context, 503, "upstream-unavailable", "Service unavailable",
                        upstream + " is not reachable" + (result.cause() instanceof ConnectException ? "" : " right now"));
            }
        });
    }

    private void relay(RoutingContext context, HttpResponse<Buffer> answer, String correlationId) {
        var response = context.response().setStatusCode(answer.statusCode());
        copyHeaders(answer.headers(), response.headers(), false);
        response.putHeader(CorrelationId.HEADER, correlationId);
        Buffer body = answer.body();
        if (body == null) {
            response.end();
        } else {
            response.end(body);
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
