package io.mspcs.gateway.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for the four services: it answers with what it received (method, URI,
 * headers, body), so tests see exactly what the gateway forwards. Roadmap points at a closed port (a stopped
 * service); a few client ids make the registry answer 404 or health answer too late, and a marker in the body
 * makes any service answer 503.
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    public static final String GATEWAY_TOKEN = "gateway-component-test-token";

    /** Counts calls, so a test can tell a replayed answer from a second call. */
    static final AtomicInteger CALLS = new AtomicInteger();
    /** The registry answers 404 for this client. */
    static final String UNKNOWN_CLIENT = "00000000-0000-0000-0000-000000000404";
    /** Health answers after 1.5 s for clients whose id starts like this (the 360's calls time out at 800 ms). */
    static final String SLOW_HEALTH_PREFIX = "dddddddd-";
    /** Health answers after 11 s for clients whose id starts like this (forwarded calls time out at 10 s). */
    static final String STALLED_HEALTH_PREFIX = "eeeeeeee-";
    /** A body containing this answers 503: a service that is up but failing (forwarded callbacks retry). */
    static final String FAILING_MARKER = "UPSTREAM-FAILS";

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                if (request.path().startsWith("/api/v1/clients/" + UNKNOWN_CLIENT)) {
                    request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                            .end("{\"type\":\"/problems/client-not-found\",\"status\":404}");
                    return;
                }
                if (body.toString().contains(FAILING_MARKER)) {
                    request.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                            .end("{\"type\":\"/problems/unavailable\",\"status\":503}");
                    return;
                }
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                String answer = new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                        .put("headers", headers).put("body", body.toString())
                        .put("call", CALLS.incrementAndGet()).encode();
                boolean health = request.path().endsWith("/health");
                long delay = !health ? 0 : request.path().startsWith("/api/v1/clients/" + SLOW_HEALTH_PREFIX) ? 1_500
                        : request.path().startsWith("/api/v1/clients/" + STALLED_HEALTH_PREFIX) ? 11_000 : 0;
                Runnable reply = () -> request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .putHeader("X-Upstream", "stub").end(answer);
                if (delay > 0) {
                    vertx.setTimer(delay, id -> reply.run());
                } else {
                    reply.run();
                }
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stub upstream did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("gateway.services.segmentation", url, "gateway.services.health", url,
                "gateway.services.cadence", url, "gateway.services.roadmap", "http://127.0.0.1:1",
                "gateway.token", GATEWAY_TOKEN);
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
