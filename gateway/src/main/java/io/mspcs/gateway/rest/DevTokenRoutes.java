package io.mspcs.gateway.rest;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.RequestPaths;
import io.mspcs.gateway.service.DevTokenIssuer;
import io.mspcs.gateway.service.UserAdministration;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** {@code POST /dev/token {email, tenantId, roles[]}}: exists only while the dev issuer is enabled (never in prod). */
@ApplicationScoped
public class DevTokenRoutes {

    private static final Logger LOG = Logger.getLogger(DevTokenRoutes.class);

    private final DevTokenIssuer issuer;
    private final GatewayConfig config;

    public DevTokenRoutes(DevTokenIssuer issuer, GatewayConfig config) {
        this.issuer = issuer;
        this.config = config;
    }

    void register(@Observes Router router) {
        if (config.devIssuer().enabled()) {
            router.post("/dev/token").handler(BodyHandler.create().setBodyLimit(16 * 1024)).handler(this::token);
        }
    }

    private void token(RoutingContext context) {
        JsonObject body;
        try {
            body = context.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null) {
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body must be a JSON object");
            return;
        }
        String email = body.getValue("email") instanceof String s ? s.strip() : null;
        String tenant = body.getValue("tenantId") instanceof String s ? s : null;
        Set<String> roles = new LinkedHashSet<>();
        if (body.getValue("roles") instanceof JsonArray array) {
            array.forEach(role -> roles.add(String.valueOf(role)));
        }
        if (email == null || email.isEmpty() || email.length() > 320 || !email.contains("@")) {
            ProblemResponses.invalid(context, "email", "invalid", "email is an e-mail address");
        } else if (!RequestPaths.isUuid(tenant)) {
            ProblemResponses.invalid(context, "tenantId", "not-a-uuid", "tenantId is a UUID");
        } else if (roles.isEmpty() || !UserAdministration.ROLES.containsAll(roles)) {
            ProblemResponses.invalid(context, "roles", "unknown-role", "roles lists known roles: " + UserAdministration.ROLES);
        } else {
            issuer.issue(email, UUID.fromString(tenant), roles).subscribe().with(token -> {
                if (token == null) {
                    ProblemResponses.send(context, 409, "user-exists", "User exists", "This e-mail belongs to another tenant");
                } else {
                    context.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("accessToken", token.accessToken()).put("tokenType", "Bearer")
                                    .put("expiresIn", token.expiresIn()).put("userId", token.userId().toString()).encode());
                }
            }, failure -> {
                LOG.error("dev token not issued", failure);
                ProblemResponses.send(context, 500, "internal", "Internal error", "No token was issued");
            });
        }
    }
}
