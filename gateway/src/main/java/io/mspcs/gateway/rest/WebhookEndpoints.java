package io.mspcs.gateway.rest;

import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.RequestPaths;
import io.mspcs.gateway.repository.WebhookSubscriptionRepository.StoredSubscription;
import io.mspcs.gateway.service.WebhookSubscriptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/webhooks/subscriptions} (gateway.md §6, §10): create (secret shown once), list, read, delete.
 * Tenant admins and keys with {@code webhooks:manage}; another tenant's id answers 404.
 */
@ApplicationScoped
public class WebhookEndpoints {

    static final String BASE = "/api/v1/webhooks/subscriptions";
    private static final Logger LOG = Logger.getLogger(WebhookEndpoints.class);

    private final WebhookSubscriptions subscriptions;

    public WebhookEndpoints(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    void serve(RoutingContext context, Principal principal) {
        String path = context.request().path();
        HttpMethod method = context.request().method();
        String[] rest = path.equals(BASE) ? new String[0]
                : path.startsWith(BASE + "/") ? path.substring(BASE.length() + 1).split("/") : null;
        if (rest == null) {
            notFound(context);
        } else if (rest.length == 0 && method == HttpMethod.POST) {
            create(context, principal.tenantId());
        } else if (rest.length == 0 && method == HttpMethod.GET) {
            subscriptions.list(principal.tenantId()).subscribe().with(list -> Json.send(context, 200,
                    new JsonObject().put("items", new JsonArray(list.stream().map(WebhookEndpoints::json).toList()))),
                    failure -> internal(context, failure));
        } else if (rest.length == 1 && !RequestPaths.isUuid(rest[0])) {
            ProblemResponses.invalid(context, "id", "not-a-uuid", "Ids in paths are UUIDs");
        } else if (rest.length == 1 && method == HttpMethod.GET) {
            subscriptions.get(principal.tenantId(), UUID.fromString(rest[0])).subscribe().with(found -> {
                if (found == null) {
                    notFound(context);
                } else {
                    Json.send(context, 200, json(found));
                }
            }, failure -> internal(context, failure));
        } else if (rest.length == 1 && method == HttpMethod.DELETE) {
            subscriptions.delete(principal.tenantId(), UUID.fromString(rest[0])).subscribe().with(found -> {
                if (found) {
                    context.response().setStatusCode(204).end();
                } else {
                    notFound(context);
                }
            }, failure -> internal(context, failure));
        } else {
            notFound(context);
        }
    }

    private void create(RoutingContext context, UUID tenant) {
        JsonObject body = Json.body(context);
        if (body == null) {
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body must be a JSON object");
            return;
        }
        String url = body.getValue("url") instanceof String s ? s.strip() : null;
        List<String> types = strings(body.getValue("types"));
        List<String> clientIds = body.getValue("clientIds") == null ? List.of() : strings(body.getValue("clientIds"));
        String description = body.getValue("description") instanceof String s ? s : null;
        if (url == null || url.isEmpty() || url.length() > 2000) {
            ProblemResponses.invalid(context, "url", "invalid", "url is an https URL of at most 2,000 characters");
        } else if (types == null || types.isEmpty() || types.stream().anyMatch(t -> t.isBlank() || t.length() > 200)) {
            ProblemResponses.invalid(context, "types", "invalid", "types lists event types, exact or domain.*");
        } else if (clientIds == null || clientIds.size() > 100 || !clientIds.stream().allMatch(RequestPaths::isUuid)) {
            ProblemResponses.invalid(context, "clientIds", "invalid", "clientIds lists at most 100 client UUIDs");
        } else if (description != null && description.length() > 500) {
            ProblemResponses.invalid(context, "description", "length", "description has at most 500 characters");
        } else {
            subscriptions.create(tenant, new WebhookSubscriptions.NewSubscription(url, types, clientIds, description))
                    .subscribe().with(created -> {
                        if (created == null) {
                            context.response().putHeader("Retry-After", "60");
                            ProblemResponses.send(context, 503, "upstream-unavailable", "Webhooks unavailable",
                                    "Webhook subscriptions are not configured on this deployment");
                        } else if (created.refusal() != null) {
                            ProblemResponses.invalid(context, created.refusedField(), "not-allowed", created.refusal());
                        } else {
                            Json.send(context, 201, json(created.subscription()).put("secret", created.secret()));
                        }
                    }, failure -> internal(context, failure));
        }
    }

    private static JsonObject json(StoredSubscription s) {
        return new JsonObject().put("id", s.id().toString()).put("url", s.url()).put("types", new JsonArray(s.types()))
                .put("clientIds", new JsonArray(s.clientIds())).put("description", s.description())
                .put("active", s.active()).put("status", s.status()).put("createdAt", s.createdAt().toString());
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof JsonArray array)) {
            return null;
        }
        List<String> result = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof String s)) {
                return null;
            }
            result.add(s);
        }
        return result;
    }

    private static void notFound(RoutingContext context) {
        ProblemResponses.send(context, 404, "not-found", "Not found", "No such resource");
    }

    private static void internal(RoutingContext context, Throwable failure) {
        LOG.error("webhook request failed", failure);
        ProblemResponses.send(context, 500, "internal", "Internal error", "The request could not be completed");
    }
}
