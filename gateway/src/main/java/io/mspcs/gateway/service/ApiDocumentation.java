package io.mspcs.gateway.service;

import io.mspcs.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's OpenAPI document (gateway.md §8): every few minutes each service's {@code /q/openapi?format=json} is
 * read; a service that cannot be read keeps its last good copy, so a slow or restarting service never empties the
 * document.
 */
@ApplicationScoped
public class ApiDocumentation {

    private static final Logger LOG = Logger.getLogger(ApiDocumentation.class);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final Map<String, JsonObject> lastGood = new ConcurrentHashMap<>();
    private WebClient client;
    private long timer = -1;

    public ApiDocumentation(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000));
        refresh();
        timer = vertx.setPeriodic(config.openapiRefresh().toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (client != null) {
            client.close();
        }
    }

    private Map<String, String> services() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("segmentation", config.services().segmentation());
        services.put("health", config.services().health());
        services.put("cadence", config.services().cadence());
        services.put("roadmap", config.services().roadmap());
        return services;
    }

    void refresh() {
        services().forEach((service, url) -> client.getAbs(url + "/q/openapi?format=json").timeout(5_000).send()
                .onSuccess(response -> {
                    try {
                        JsonObject document = response.statusCode() == 200 ? response.bodyAsJsonObject() : null;
                        if (document != null && document.containsKey("openapi") && document.containsKey("paths")) {
                            lastGood.put(service, document);
                        }
                    } catch (RuntimeException unreadable) {
                        LOG.debugf("openapi of %s unreadable, keeping the last good copy", service);
                    }
                })
                .onFailure(failure -> LOG.debugf("openapi of %s unavailable: %s", service, failure.getMessage())));
    }

    /** The merged document of what is known now. */
    public JsonObject document() {
        Map<String, JsonObject> known = new LinkedHashMap<>();
        services().keySet().forEach(service -> {
            if (lastGood.containsKey(service)) {
                known.put(service, lastGood.get(service));
            }
        });
        OpenApiMerge.Merged merged = OpenApiMerge.merge(known, ownPaths());
        if (!merged.duplicatePaths().isEmpty()) {
            LOG.warnf("paths declared twice, first owner kept: %s", merged.duplicatePaths());
        }
        return merged.document();
    }

    /** The gateway's own endpoints (gateway.md §10), described briefly. */
    static JsonObject ownPaths() {
        JsonObject paths = new JsonObject();
        own(paths, "/api/v1/me", "get", "Who the caller is: tenant, principal, roles, scopes");
        own(paths, "/api/v1/clients/{id}/360", "get", "Client 360: one call, partial when a service is missing");
        own(paths, "/api/v1/events/stream-tickets", "post", "A single-use ticket for the live feed");
        own(paths, "/api/v1/events/stream", "get", "Live feed (Server-Sent Events), resumable with Last-Event-ID");
        for (String method : List.of("get", "post")) {
            own(paths, "/api/v1/webhooks/subscriptions", method, "Webhook subscriptions (the secret is shown once)");
            own(paths, "/api/v1/admin/api-keys", method, "API keys of the tenant");
            own(paths, "/api/v1/admin/users", method, "Users of the tenant");
            own(paths, "/api/v1/admin/integrations", method,
                    "PSA connections that call back (callback URL; Autotask/generic secret shown once)");
        }
        for (String method : List.of("get", "patch", "delete")) {
            own(paths, "/api/v1/webhooks/subscriptions/{id}", method, "One webhook subscription");
            own(paths, "/api/v1/admin/integrations/{id}", method, "One PSA connection (patch: name, host, active)");
        }
        own(paths, "/api/v1/admin/integrations/{id}/callbacks", "get",
                "Callbacks received on the connection and what became of them, newest first (limit)");
        own(paths, "/api/v1/integrations/{connectionId}/callbacks", "post",
                "PSA callback, authenticated by its signature only; 202 once stored");
        own(paths, "/api/v1/integrations/{connectionId}/deactivated", "post",
                "Autotask deactivation notice, authenticated by its signature only");
        own(paths, "/api/v1/webhooks/subscriptions/{id}/rotate-secret", "post", "New secret; the old one signs for 24 h");
        own(paths, "/api/v1/webhooks/subscriptions/{id}/test", "post", "Sends a ping delivery");
        own(paths, "/api/v1/webhooks/deliveries", "get", "Delivery log, newest first (limit, cursor, subscriptionId)");
        own(paths, "/api/v1/webhooks/deliveries/{id}", "get", "One delivery with its attempts");
        own(paths, "/api/v1/webhooks/deliveries/{id}/redeliver", "post", "Queues the delivery again");
        own(paths, "/api/v1/admin/api-keys/{id}", "get", "One API key");
        own(paths, "/api/v1/admin/api-keys/{id}/rotate", "post", "Rotates a key (the old one works during the grace)");
        own(paths, "/api/v1/admin/api-keys/{id}/revoke", "post", "Revokes a key");
        own(paths, "/api/v1/admin/users/{id}", "patch", "Changes a user's roles or active flag");
        own(paths, "/api/v1/admin/users/{id}", "delete", "Removes a user");
        return paths;
    }

    private static void own(JsonObject paths, String path, String method, String summary) {
        JsonObject item = paths.getJsonObject(path);
        if (item == null) {
            item = new JsonObject();
            paths.put(path, item);
        }
        item.put(method, new JsonObject().put("tags", new JsonArray().add("gateway")).put("summary", summary)
                .put("responses", new JsonObject().put("default", new JsonObject().put("description",
                        "JSON, or application/problem+json on errors"))));
    }
}
