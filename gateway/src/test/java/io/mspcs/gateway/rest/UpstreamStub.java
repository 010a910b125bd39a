package io.mspcs.gateway.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the four services: it answers with what it received (method, URI,
 * headers, body), so tests see exactly what the gateway forwards. Roadmap points at a closed port.
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    public static final String GATEWAY_TOKEN = "gateway-component-test-token";

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .putHeader("X-Upstream", "stub")
                        .end(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                                .put("headers", headers).put("body", body.toString()).encode());
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
