package io.mspcs.gateway.rest;

import io.mspcs.gateway.domain.ConnectionSource;
import io.mspcs.gateway.domain.RequestPaths;
import io.mspcs.gateway.repository.IntegrationRepository.StoredCallback;
import io.mspcs.gateway.repository.IntegrationRepository.StoredConnection;
import io.mspcs.gateway.service.IntegrationConnections;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/admin/integrations} (gateway.md §9.2, §10), tenant admins only: connections the PSAs call, with the
 * callback URL to give them and, once, the shared secret; {@code /{id}/callbacks} shows what arrived and what became
 * of it. Another tenant's id answers 404.
 */
@ApplicationScoped
public class IntegrationEndpoints {

    static final String BASE = "/api/v1/admin/integrations";
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9-]{1,40}");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final IntegrationConnections connections;

    public IntegrationEndpoints(IntegrationConnections connections) {
        this.connections = connections;
    }

    static boolean serves(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    void serve(RoutingContext context, UUID tenant) {
        String path = context.request().path();
        HttpMethod method = context.request().method();
        String rest = path.substring(BASE.length());
        String[] parts = rest.isEmpty() || rest.equals("/") ? new String[0] : rest.substring(1).split("/");
        if (parts.length == 0 && method == HttpMethod.GET) {
            Json.respond(context, connections.list(tenant).map(list -> new JsonObject()
                    .put("items", new JsonArray(list.stream().map(IntegrationEndpoints::json).toList()))), 200);
        } else if (parts.length == 0 && method == HttpMethod.POST) {
            create(context, tenant);
        } else if (parts.length >= 1 && !RequestPaths.isUuid(parts[0])) {
            ProblemResponses.invalid(context, "id", "not-a-uuid", "Ids in paths are UUIDs");
        } else if (parts.length == 1 && method == HttpMethod.GET) {
            Json.respond(context, connections.get(tenant, UUID.fromString(parts[0])).map(c -> c == null ? null : json(c)), 200);
        } else if (parts.length == 1 && method == HttpMethod.PATCH) {
            update(context, tenant, UUID.fromString(parts[0]));
        } else if (parts.length == 1 && method == HttpMethod.DELETE) {
            Json.deleted(context, connections.delete(tenant, UUID.fromString(parts[0])));
        } else if (parts.length == 2 && parts[1].equals("callbacks") && method == HttpMethod.GET) {
            callbacks(context, tenant, UUID.fromString(parts[0]));
        } else {
            ProblemResponses.notFound(context);
        }
    }

    private void create(RoutingContext context, UUID tenant) {
        JsonObject body = Json.body(context);
        if (body == null) {
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body must be a JSON object");
            return;
        }
        ConnectionSource source = body.getValue("source") instanceof String s ? ConnectionSource.parse(s).orElse(null) : null;
        String name = body.getValue("name") instanceof String s ? s.strip() : null;
        Object sourceName = body.getValue("sourceName");
        Object host = body.getValue("host");
        Object secret = body.getValue("secret");
        if (source == null) {
            ProblemResponses.invalid(context, "source", "unknown-source", "source is connectwise, autotask or generic");
        } else if (name == null || name.isEmpty() || name.length() > 100) {
            ProblemResponses.invalid(context, "name", "length", "name has 1–100 characters");
        } else if (sourceName != null && !(sourceName instanceof String n && SOURCE_NAME.matcher(n).matches())) {
            ProblemResponses.invalid(context, "sourceName", "pattern",
                    "sourceName (the source of the records it creates) matches [a-z0-9-]{1,40}");
        } else if (source == ConnectionSource.CONNECTWISE && !(host instanceof String)) {
            ProblemResponses.invalid(context, "host", "required", "a ConnectWise connection names its API host");
        } else if (secret != null && (!source.sharesSecret() || !(secret instanceof String s && s.length() >= 16
                && s.length() <= 200))) {
            ProblemResponses.invalid(context, "secret", "invalid",
                    "secret (Autotask and generic only) has 16–200 characters; omit it to have one generated");
        } else {
            var request = new IntegrationConnections.NewConnection(source, name, (String) sourceName,
                    host instanceof String h ? h : null, (String) secret);
            connections.create(tenant, request).subscribe().with(created -> {
                if (created.refusal() != null) {
                    ProblemResponses.invalid(context, created.refusedField(), "not-allowed", created.refusal());
                } else {
                    JsonObject answer = json(created.connection());
                    if (created.secret() != null) {
                        answer.put("secret", created.secret());
                    }
                    context.response().putHeader("Location", BASE + "/" + created.connection().id());
                    Json.send(context, 201, answer);
                }
            }, failure -> ProblemResponses.internal(context, failure));
        }
    }

    private void update(RoutingContext context, UUID tenant, UUID id) {
        JsonObject body = Json.body(context);
        if (body == null) {
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body must be a JSON object");
            return;
        }
        String name = body.getValue("name") instanceof String s ? s.strip() : null;
        Object active = body.getValue("active");
        Object host = body.getValue("host");
        String origin = host instanceof String h ? connections.origin(h).orElse(null) : null;
        if (body.containsKey("name") && (name == null || name.isEmpty() || name.length() > 100)) {
            ProblemResponses.invalid(context, "name", "length", "name has 1–100 characters");
        } else if (body.containsKey("active") && !(active instanceof Boolean)) {
            ProblemResponses.invalid(context, "active", "not-a-boolean", "active is true or false");
        } else if (body.containsKey("host") && origin == null) {
            ProblemResponses.invalid(context, "host", "not-allowed", "host is the https origin of the ConnectWise API");
        } else {
            connections.update(tenant, id, name, origin, (Boolean) active).subscribe().with(updated -> {
                if (updated == null) {
                    ProblemResponses.notFound(context);
                } else if (updated.refusal() != null) {
                    ProblemResponses.invalid(context, "host", "not-allowed", updated.refusal());
                } else {
                    Json.send(context, 200, json(updated.connection()));
                }
            }, failure -> ProblemResponses.internal(context, failure));
        }
    }

    private void callbacks(RoutingContext context, UUID tenant, UUID id) {
        String limitParam = context.request().getParam("limit");
        int limit;
        try {
            limit = limitParam == null ? DEFAULT_LIMIT : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            ProblemResponses.invalid(context, "limit", "range", "limit is 1–" + MAX_LIMIT);
            return;
        }
        Json.respond(context, connections.callbacks(tenant, id, limit).map(list -> list == null ? null : new JsonObject()
                .put("items", new JsonArray(list.stream().map(IntegrationEndpoints::json).toList()))), 200);
    }


    static JsonObject json(StoredConnection c) {
        String base = "/api/v1/integrations/" + c.id();
        return new JsonObject().put("id", c.id().toString()).put("source", c.source()).put("sourceName", c.sourceName())
                .put("name", c.name()).put("host", c.host()).put("status", c.status())
                .put("callbackUrl", base + "/callbacks").put("deactivationUrl", base + "/deactivated")
                .put("deactivatedAt", str(c.deactivatedAt())).put("createdAt", str(c.createdAt()));
    }

    private static JsonObject json(StoredCallback c) {
        return new JsonObject().put("id", c.id().toString()).put("entity", c.entity()).put("action", c.action())
                .put("externalId", c.externalId()).put("status", c.status()).put("attempts", c.attempts())
                .put("receivedAt", str(c.receivedAt())).put("nextAttemptAt", str(c.nextAttemptAt()))
                .put("completedAt", str(c.completedAt())).put("target", c.target())
                .put("httpStatus", c.lastHttpStatus()).put("error", c.lastError())
                .put("responseExcerpt", c.responseExcerpt());
    }

    private static String str(Instant instant) {
        return instant == null ? null : instant.toString();
    }


}
