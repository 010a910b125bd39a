package io.mspcs.gateway.rest;

import io.mspcs.gateway.client.UpstreamForwarder;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.RouteTable;
import io.mspcs.gateway.domain.Upstream;
import io.mspcs.gateway.service.ApiKeyAuthenticator;
import io.mspcs.rest.CorrelationId;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The edge of {@code /api/v1/**}: exactly one credential, the tenant from that credential, then the owning
 * service (gateway.md §1–§3). Services are reached only through here, with identity headers the gateway sets.
 */
@ApplicationScoped
public class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);
    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    private final ApiKeyAuthenticator authenticator;
    private final UpstreamForwarder forwarder;

    public ApiRoutes(ApiKeyAuthenticator authenticator, UpstreamForwarder forwarder) {
        this.authenticator = authenticator;
        this.forwarder = forwarder;
    }

    void register(@Observes Router router) {
        router.route("/api/v1/*").order(-10).handler(this::correlate);
        router.route("/api/v1/*").order(-9).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
        router.route("/api/v1/*").order(-8).handler(this::authenticateAndRoute);
    }

    private void correlate(RoutingContext context) {
        context.put(ProblemResponses.CORRELATION_KEY,
                CorrelationId.keepOrCreate(context.request().getHeader(CorrelationId.HEADER)));
        context.next();
    }

    private void authenticateAndRoute(RoutingContext context) {
        String apiKey = context.request().getHeader("X-Api-Key");
        String bearer = context.request().getHeader("Authorization");
        if (apiKey != null && bearer != null) {
            ProblemResponses.send(context, 400, "ambiguous-credentials", "Ambiguous credentials",
                    "Send either X-Api-Key or Authorization, not both");
            return;
        }
        if (apiKey == null) {
            context.response().putHeader("WWW-Authenticate", "ApiKey header=\"X-Api-Key\", Bearer realm=\"cs-platform\"");
            ProblemResponses.send(context, 401, bearer == null ? "unauthenticated" : "invalid-credentials",
                    "Authentication required", bearer == null ? "No credential was sent"
                            : "Bearer tokens are not accepted yet; use an API key");
            return;
        }
        authenticator.authenticate(apiKey).subscribe().with(
                principal -> route(context, principal),
                failure -> {
                    LOG.error("API key lookup failed", failure);
                    ProblemResponses.send(context, 503, "upstream-unavailable", "Service unavailable",
                            "Credentials cannot be checked right now");
                });
    }

    private void route(RoutingContext context, Optional<Principal> principal) {
        if (principal.isEmpty()) {
            context.response().putHeader("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"");
            ProblemResponses.send(context, 401, "invalid-credentials", "Invalid credentials",
                    "The API key is unknown, expired or revoked");
            return;
        }
        Upstream upstream = RouteTable.route(context.request().path());
        switch (upstream) {
            case NONE -> ProblemResponses.send(context, 404, "not-found", "Not found", "No such resource");
            case GATEWAY -> serveOwn(context, principal.get());
            default -> forwarder.forward(context, upstream, principal.get());
        }
    }

    /** The gateway's own endpoints; in this version only {@code /me}. */
    private void serveOwn(RoutingContext context, Principal principal) {
        if (context.request().path().equals("/api/v1/me")) {
            context.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("tenantId", principal.tenantId().toString()).put("principalId", principal.principalId())
                    .put("type", principal.type()).put("scopes", principal.scopes().stream().sorted().toList())
                    .encode());
            return;
        }
        ProblemResponses.send(context, 404, "not-found", "Not found", "No such resource");
    }
}
