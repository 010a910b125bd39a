package io.mspcs.gateway.rest;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.service.TenantProvisioning;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /platform/v1/tenants} on the management port (never on the ingress): the operator creates a tenant
 * its first integration key and optionally its first admin user with the operator secret. Without a configured secret the endpoint is closed.
 */
@ApplicationScoped
public class PlatformRoutes {

    static final Set<String> SCOPES = io.mspcs.gateway.domain.KeyScopes.ALL;

    private final TenantProvisioning provisioning;
    private final GatewayConfig config;

    public PlatformRoutes(TenantProvisioning provisioning, GatewayConfig config) {
        this.provisioning = provisioning;
        this.config = config;
    }

    void register(@Observes ManagementInterface management) {
        management.router().post("/platform/v1/tenants").handler(BodyHandler.create().setBodyLimit(64 * 1024))
                .handler(this::createTenant);
    }

    private void createTenant(RoutingContext context) {
        if (!operatorAllowed(context.request().getHeader("X-Operator-Secret"))) {
            ProblemResponses.send(context, 401, "unauthenticated", "Authentication required", "Operator secret required");
            return;
        }
        JsonObject body;
        try {
            body = context.body().asJsonObject();
        } catch (RuntimeException e) { // DecodeException, or a JSON value that is not an object
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body is not a JSON object");
            return;
        }
        if (body == null) {
            body = new JsonObject();
        }
        String name = body.getString("name");
        JsonObject key = body.getJsonObject("apiKey", new JsonObject());
        Set<String> scopes = new LinkedHashSet<>();
        key.getJsonArray("scopes", new JsonArray()).forEach(scope -> scopes.add(String.valueOf(scope)));
        if (name == null || name.isBlank() || name.length() > 200 || scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            ProblemResponses.send(context, 400, "validation-failed", "Request is invalid",
                    "name (1–200 characters) and apiKey.scopes (known scopes) are required");
            return;
        }
        JsonObject admin = body.getValue("admin") instanceof JsonObject a ? a : null;
        Optional<TenantProvisioning.AdminIdentity> firstAdmin = Optional.ofNullable(admin)
                .filter(a -> a.getValue("subject") instanceof String && a.getValue("issuer") instanceof String)
                .map(a -> new TenantProvisioning.AdminIdentity(a.getString("issuer"), a.getString("subject"),
                        a.getValue("email") instanceof String e ? e : null));
        if (admin != null && firstAdmin.isEmpty()) {
            ProblemResponses.send(context, 400, "validation-failed", "Request is invalid",
                    "admin needs issuer and subject (the IdP identity of the first tenant admin)");
            return;
        }
        provisioning.provision(name.strip(), key.getString("name", "default"), scopes, firstAdmin).subscribe().with(
                tenant -> context.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("tenantId", tenant.tenantId().toString())
                                .put("apiKeyId", tenant.apiKeyId().toString()).put("apiKey", tenant.apiKey())
                                .put("scopes", new JsonArray(tenant.scopes().stream().sorted().toList()))
                                .put("expiresAt", tenant.expiresAt().toString())
                                .put("adminUserId", tenant.adminUserId() == null ? null : tenant.adminUserId().toString())
                                .encode()),
                failure -> ProblemResponses.send(context, 500, "internal", "Internal error", "The tenant was not created"));
    }

    private boolean operatorAllowed(String offered) {
        return config.operatorSecret().filter(secret -> !secret.isBlank())
                .map(secret -> offered != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                        offered.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}
