package io.mspcs.gateway.rest;

import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.RequestPaths;
import io.mspcs.gateway.repository.WebhookDeliveryRepository;
import io.mspcs.gateway.repository.WebhookDeliveryRepository.StoredDelivery;
import io.mspcs.gateway.repository.WebhookSubscriptionRepository.StoredSubscription;
import io.smallrye.mutiny.Uni;
import io.mspcs.gateway.service.WebhookSubscriptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/webhooks/subscriptions} (gateway.md §6, §10): create (secret shown once), list, read, change, delete,
 * rotate the secret, send a test ping; {@code /api/v1/webhooks/deliveries}: the delivery log (paged) and redeliver.
 * Tenant admins and keys with {@code webhooks:manage}; another tenant's id answers 404.
 */
@ApplicationScoped
public class WebhookEndpoints {

    static final String BASE = "/api/v1/webhooks/subscriptions";
    static final String DELIVERIES = "/api/v1/webhooks/deliveries";
    private static final Logger LOG = Logger.getLogger(WebhookEndpoints.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    public WebhookEndpoints(WebhookSubscriptions subscriptions, WebhookDeliveryRepository deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    void serve(RoutingContext context, Principal principal) {
        String path = context.request().path();
        if (path.equals(DELIVERIES) || path.startsWith(DELIVERIES + "/")) {
            serveDeliveries(context, principal.tenantId(), path);
            return;
        }
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
        } else if (rest.length == 1 && method == HttpMethod.PATCH) {
            update(context, principal.tenantId(), UUID.fromString(rest[0]));
        } else if (rest.length == 2 && RequestPaths.isUuid(rest[0]) && method == HttpMethod.POST
                && rest[1].equals("rotate-secret")) {
            subscriptions.rotateSecret(principal.tenantId(), UUID.fromString(rest[0])).subscribe().with(secret -> {
                if (secret == null) {
                    notFound(context);
                } else {
                    Json.send(context, 200, new JsonObject().put("id", rest[0]).put("secret", secret));
                }
            }, failure -> internal(context, failure));
        } else if (rest.length == 2 && RequestPaths.isUuid(rest[0]) && method == HttpMethod.POST
                && rest[1].equals("test")) {
            subscriptions.test(principal.tenantId(), UUID.fromString(rest[0])).subscribe().with(deliveryId -> {
                if (deliveryId == null) {
                    notFound(context);
                } else {
                    Json.send(context, 202, new JsonObject().put("deliveryId", deliveryId.toString()));
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

    private void update(RoutingContext context, UUID tenant, UUID id) {
        JsonObject body = Json.body(context);
        if (body == null) {
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body must be a JSON object");
            return;
        }
        String url = body.getValue("url") instanceof String s ? s.strip() : null;
        List<String> types = body.getValue("types") == null ? null : strings(body.getValue("types"));
        List<String> clientIds = body.getValue("clientIds") == null ? null : strings(body.getValue("clientIds"));
        String description = body.getValue("description") instanceof String s ? s : null;
        Boolean active = body.getValue("active") instanceof Boolean b ? b : null;
        if ((body.containsKey("url") && (url == null || url.isEmpty() || url.length() > 2000))) {
            ProblemResponses.invalid(context, "url", "invalid", "url is an https URL of at most 2,000 characters");
        } else if (body.containsKey("types") && (types == null || types.isEmpty()
                || types.stream().anyMatch(t -> t.isBlank() || t.length() > 200))) {
            ProblemResponses.invalid(context, "types", "invalid", "types lists event types, exact or domain.*");
        } else if (body.containsKey("clientIds") && (clientIds == null || clientIds.size() > 100
                || !clientIds.stream().allMatch(RequestPaths::isUuid))) {
            ProblemResponses.invalid(context, "clientIds", "invalid", "clientIds lists at most 100 client UUIDs");
        } else if (body.containsKey("description") && (description == null || description.length() > 500)) {
            ProblemResponses.invalid(context, "description", "length", "description has at most 500 characters");
        } else if (body.containsKey("active") && active == null) {
            ProblemResponses.invalid(context, "active", "invalid", "active is true or false");
        } else {
            subscriptions.update(tenant, id, new WebhookSubscriptions.Changes(url, types, clientIds, description, active))
                    .subscribe().with(updated -> {
                        if (updated == null) {
                            notFound(context);
                        } else if (updated.refusal() != null) {
                            ProblemResponses.invalid(context, updated.refusedField(), "not-allowed", updated.refusal());
                        } else {
                            Json.send(context, 200, json(updated.subscription()));
                        }
                    }, failure -> internal(context, failure));
        }
    }

    private void serveDeliveries(RoutingContext context, UUID tenant, String path) {
        HttpMethod method = context.request().method();
        String[] rest = path.equals(DELIVERIES) ? new String[0] : path.substring(DELIVERIES.length() + 1).split("/");
        if (rest.length == 0 && method == HttpMethod.GET) {
            listDeliveries(context, tenant);
        } else if (rest.length >= 1 && !RequestPaths.isUuid(rest[0])) {
            ProblemResponses.invalid(context, "id", "not-a-uuid", "Ids in paths are UUIDs");
        } else if (rest.length == 1 && method == HttpMethod.GET) {
            deliveries.find(tenant, UUID.fromString(rest[0])).subscribe().with(found -> {
                if (found == null) {
                    notFound(context);
                } else {
                    withAttempts(context, tenant, List.of(found), items -> Json.send(context, 200, items.getJsonObject(0)));
                }
            }, failure -> internal(context, failure));
        } else if (rest.length == 2 && method == HttpMethod.POST && rest[1].equals("redeliver")) {
            deliveries.requeue(tenant, UUID.fromString(rest[0]), clock.instant()).subscribe().with(found -> {
                if (found) {
                    Json.send(context, 202, new JsonObject().put("id", rest[0]).put("status", "PENDING"));
                } else {
                    notFound(context);
                }
            }, failure -> internal(context, failure));
        } else {
            notFound(context);
        }
    }

    /** Newest first; {@code cursor} is the last item's id of the previous page, {@code subscriptionId} narrows. */
    private void listDeliveries(RoutingContext context, UUID tenant) {
        String limitParam = context.request().getParam("limit");
        String cursor = context.request().getParam("cursor");
        String subscription = context.request().getParam("subscriptionId");
        int limit;
        try {
            limit = limitParam == null ? 50 : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 200) {
            ProblemResponses.invalid(context, "limit", "range", "limit is between 1 and 200");
            return;
        }
        if (cursor != null && !RequestPaths.isUuid(cursor)) {
            ProblemResponses.invalid(context, "cursor", "invalid", "cursor is the id of the previous page's last item");
            return;
        }
        if (subscription != null && !RequestPaths.isUuid(subscription)) {
            ProblemResponses.invalid(context, "subscriptionId", "not-a-uuid", "subscriptionId is a UUID");
            return;
        }
        int pageSize = limit;
        UUID subscriptionId = subscription == null ? null : UUID.fromString(subscription);
        Uni<StoredDelivery> after = cursor == null ? Uni.createFrom().nullItem()
                : deliveries.find(tenant, UUID.fromString(cursor));
        after.chain(last -> cursor != null && last == null ? Uni.createFrom().<List<StoredDelivery>>nullItem()
                        : deliveries.page(tenant, subscriptionId, last == null ? null : last.createdAt(),
                        last == null ? null : last.id(), pageSize + 1))
                .subscribe().with(page -> {
                    if (page == null) {
                        ProblemResponses.invalid(context, "cursor", "invalid", "cursor is the id of the previous page's last item");
                        return;
                    }
                    List<StoredDelivery> items = page.size() > pageSize ? page.subList(0, pageSize) : page;
                    withAttempts(context, tenant, items, json -> Json.send(context, 200, new JsonObject().put("items", json)
                            .put("nextCursor", page.size() > pageSize ? items.get(items.size() - 1).id().toString() : null)));
                }, failure -> internal(context, failure));
    }

    private void withAttempts(RoutingContext context, UUID tenant, List<StoredDelivery> items,
                              java.util.function.Consumer<JsonArray> send) {
        deliveries.attempts(tenant, items.stream().map(StoredDelivery::id).toList()).subscribe().with(attempts -> {
            JsonArray array = new JsonArray();
            for (StoredDelivery d : items) {
                JsonArray log = new JsonArray();
                attempts.getOrDefault(d.id(), List.of()).forEach(a -> log.add(new JsonObject()
                        .put("attempt", a.attempt()).put("time", a.attemptedAt().toString())
                        .put("httpStatus", a.httpStatus()).put("durationMs", a.durationMs()).put("error", a.error())
                        .put("responseExcerpt", a.responseExcerpt())));
                array.add(new JsonObject().put("id", d.id().toString()).put("subscriptionId", d.subscriptionId().toString())
                        .put("eventId", d.eventId().toString()).put("type", d.eventType()).put("status", d.status())
                        .put("attempts", d.attempts())
                        .put("nextAttemptAt", d.nextAttemptAt() == null || !"PENDING".equals(d.status()) ? null
                                : d.nextAttemptAt().toString())
                        .put("lastHttpStatus", d.lastHttpStatus())
                        .put("deliveredAt", d.deliveredAt() == null ? null : d.deliveredAt().toString())
                        .put("createdAt", d.createdAt().toString()).put("log", log));
            }
            send.accept(array);
        }, failure -> internal(context, failure));
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
