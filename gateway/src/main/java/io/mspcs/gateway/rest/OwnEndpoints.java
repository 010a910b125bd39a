package io.mspcs.gateway.rest;

import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.service.Client360;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The gateway's own part of {@code /api/v1} (gateway.md §10), reached after authentication and the permission
 * table: {@code /me} here, administration in {@link AdminEndpoints}.
 */
@ApplicationScoped
public class OwnEndpoints {

    /** The parsed JSON body, left in the routing context by the body checks. */
    static final String JSON_BODY = "jsonBody";

    private final AdminEndpoints admin;
    private final Client360 client360;
    private final LiveFeedEndpoints liveFeed;
    private final WebhookEndpoints webhooks;

    public OwnEndpoints(AdminEndpoints admin, Client360 client360, LiveFeedEndpoints liveFeed, WebhookEndpoints webhooks) {
        this.admin = admin;
        this.client360 = client360;
        this.liveFeed = liveFeed;
        this.webhooks = webhooks;
    }

    private void clientView(RoutingContext context, Principal principal, String clientId) {
        if (context.request().method() != HttpMethod.GET) {
            ProblemResponses.send(context, 405, "method-not-allowed", "Method not allowed", "The 360 view is read-only");
            return;
        }
        client360.assemble(UUID.fromString(clientId), principal, context.get(ProblemResponses.CORRELATION_KEY))
                .subscribe().with(outcome -> {
                    switch (outcome.status()) {
                        case 200 -> Json.send(context, 200, outcome.document());
                        case 404 -> ProblemResponses.send(context, 404, "client-not-found", "Client not found",
                                "No client with this id");
                        case 403 -> ProblemResponses.send(context, 403, "insufficient-scope", "Insufficient scope",
                                "The client record is not readable with this credential");
                        default -> {
                            context.response().putHeader("Retry-After", "5");
                            ProblemResponses.send(context, 503, "upstream-unavailable", "Service unavailable",
                                    "The client registry cannot be reached right now");
                        }
                    }
                }, failure -> ProblemResponses.send(context, 500, "internal", "Internal error", "The view failed"));
    }

    public void serve(RoutingContext context, Principal principal) {
        String path = context.request().path();
        if (path.equals("/api/v1/me")) {
            Json.send(context, 200, new JsonObject()
                    .put("tenantId", principal.tenantId().toString()).put("principalId", principal.principalId())
                    .put("type", principal.type()).put("roles", principal.roles().stream().sorted().toList())
                    .put("scopes", principal.scopes().stream().sorted().toList()));
            return;
        }
        if (path.startsWith("/api/v1/clients/") && path.endsWith("/360")) {
            clientView(context, principal, path.split("/")[4]);
            return;
        }
        if (liveFeed.serves(path)) {
            liveFeed.serve(context, principal);
            return;
        }
        if (path.startsWith("/api/v1/webhooks/")) {
            webhooks.serve(context, principal);
            return;
        }
        if (path.startsWith("/api/v1/admin/")) {
            admin.serve(context, principal);
            return;
        }
        ProblemResponses.send(context, 404, "not-found", "Not found", "No such resource");
    }
}
