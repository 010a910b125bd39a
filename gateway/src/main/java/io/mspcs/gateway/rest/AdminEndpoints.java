package io.mspcs.gateway.rest;

import io.mspcs.gateway.domain.KeyScopes;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.RequestPaths;
import io.mspcs.gateway.repository.UserRepository.StoredUser;
import io.mspcs.gateway.service.ApiKeyAdministration;
import io.mspcs.gateway.service.ApiKeyAdministration.KeyView;
import io.mspcs.gateway.service.UserAdministration;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/admin/api-keys}, {@code /api/v1/admin/users} and (through {@link IntegrationEndpoints})
 * {@code /api/v1/admin/integrations} (gateway.md §10), tenant admins only (the permission
 * table checked that). Everything is scoped by the caller's tenant: another tenant's id answers 404.
 */
@ApplicationScoped
public class AdminEndpoints {

    private static final String KEYS = "/api/v1/admin/api-keys";
    private static final String USERS = "/api/v1/admin/users";

    private final ApiKeyAdministration keys;
    private final UserAdministration users;
    private final Clock clock;
    private final IntegrationEndpoints integrations;

    public AdminEndpoints(ApiKeyAdministration keys, UserAdministration users, Clock clock,
                          IntegrationEndpoints integrations) {
        this.keys = keys;
        this.users = users;
        this.clock = clock;
        this.integrations = integrations;
    }

    void serve(RoutingContext context, Principal principal) {
        String path = context.request().path();
        HttpMethod method = context.request().method();
        UUID tenant = principal.tenantId();
        String[] rest;
        if (IntegrationEndpoints.serves(path)) {
            integrations.serve(context, tenant);
            return;
        }
        if (path.equals(KEYS) || path.startsWith(KEYS + "/")) {
            rest = tail(path, KEYS);
            if (rest.length == 0 && method == HttpMethod.GET) {
                Json.respond(context, keys.list(tenant).map(list -> list(list.stream().map(this::keyJson).toList())), 200);
            } else if (rest.length == 0 && method == HttpMethod.POST) {
                createKey(context, tenant);
            } else if (rest.length >= 1 && !RequestPaths.isUuid(rest[0])) {
                ProblemResponses.invalid(context, "id", "not-a-uuid", "Ids in paths are UUIDs");
            } else if (rest.length == 1 && method == HttpMethod.GET) {
                Json.respond(context, keys.get(tenant, UUID.fromString(rest[0])).map(this::keyJsonOrNull), 200);
            } else if (rest.length == 2 && rest[1].equals("rotate") && method == HttpMethod.POST) {
                rotateKey(context, tenant, UUID.fromString(rest[0]));
            } else if (rest.length == 2 && rest[1].equals("revoke") && method == HttpMethod.POST) {
                String reason = Json.body(context) == null ? null : Json.body(context).getString("reason");
                Json.respond(context, keys.revoke(tenant, UUID.fromString(rest[0]), reason == null ? "revoked by admin"
                        : truncate(reason, 200)).map(this::keyJsonOrNull), 200);
            } else {
                ProblemResponses.notFound(context);
            }
            return;
        }
        if (path.equals(USERS) || path.startsWith(USERS + "/")) {
            rest = tail(path, USERS);
            if (rest.length == 0 && method == HttpMethod.GET) {
                Json.respond(context, users.list(tenant).map(list -> list(list.stream().map(AdminEndpoints::userJson).toList())), 200);
            } else if (rest.length == 0 && method == HttpMethod.POST) {
                createUser(context, tenant);
            } else if (rest.length >= 1 && !RequestPaths.isUuid(rest[0])) {
                ProblemResponses.invalid(context, "id", "not-a-uuid", "Ids in paths are UUIDs");
            } else if (rest.length == 1 && method == HttpMethod.GET) {
                Json.respond(context, users.get(tenant, UUID.fromString(rest[0])).map(u -> u == null ? null : userJson(u)), 200);
            } else if (rest.length == 1 && method == HttpMethod.PATCH) {
                updateUser(context, tenant, UUID.fromString(rest[0]));
            } else if (rest.length == 1 && method == HttpMethod.DELETE) {
                Json.deleted(context, users.delete(tenant, UUID.fromString(rest[0])));
            } else {
                ProblemResponses.notFound(context);
            }
            return;
        }
        ProblemResponses.notFound(context);
    }

    private void createKey(RoutingContext context, UUID tenant) {
        JsonObject body = Json.body(context);
        if (body == null) {
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body must be a JSON object");
            return;
        }
        String name = body.getValue("name") instanceof String s ? s.strip() : null;
        Set<String> scopes = strings(body.getValue("scopes"));
        Set<String> sources = body.getValue("allowedSources") == null ? Set.of() : strings(body.getValue("allowedSources"));
        Object days = body.getValue("expiresInDays");
        if (name == null || name.isEmpty() || name.length() > 100) {
            ProblemResponses.invalid(context, "name", "length", "name has 1–100 characters");
        } else if (scopes == null || scopes.isEmpty() || !KeyScopes.ALL.containsAll(scopes)) {
            ProblemResponses.invalid(context, "scopes", "unknown-scope", "scopes lists known scopes: " + KeyScopes.ALL);
        } else if (sources == null) {
            ProblemResponses.invalid(context, "allowedSources", "not-a-list", "allowedSources is a list of strings");
        } else if (days != null && !(days instanceof Integer d && d >= 1 && d <= ApiKeyAdministration.MAX_LIFETIME.toDays())) {
            ProblemResponses.invalid(context, "expiresInDays", "range", "expiresInDays is 1–730");
        } else {
            Duration lifetime = days == null ? ApiKeyAdministration.DEFAULT_LIFETIME : Duration.ofDays((Integer) days);
            Json.respond(context, keys.create(tenant, name, scopes, sources, lifetime).map(this::keyJson), 201);
        }
    }

    private void rotateKey(RoutingContext context, UUID tenant, UUID id) {
        JsonObject body = Json.body(context);
        Object hours = body == null ? null : body.getValue("graceHours");
        if (hours != null && !(hours instanceof Integer h && h >= 0 && h <= ApiKeyAdministration.MAX_GRACE.toHours())) {
            ProblemResponses.invalid(context, "graceHours", "range", "graceHours is 0–168");
            return;
        }
        Duration grace = hours == null ? ApiKeyAdministration.DEFAULT_GRACE : Duration.ofHours((Integer) hours);
        Json.respond(context, keys.rotate(tenant, id, grace).map(this::keyJsonOrNull), 201);
    }

    private void createUser(RoutingContext context, UUID tenant) {
        JsonObject body = Json.body(context);
        if (body == null) {
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body must be a JSON object");
            return;
        }
        String issuer = body.getValue("issuer") instanceof String s ? s : null;
        String subject = body.getValue("subject") instanceof String s ? s : null;
        String email = body.getValue("email") instanceof String s ? s : null;
        Set<String> roles = strings(body.getValue("roles"));
        if (issuer == null || issuer.isBlank() || issuer.length() > 300) {
            ProblemResponses.invalid(context, "issuer", "length", "issuer (the IdP's iss) has 1–300 characters");
        } else if (subject == null || subject.isBlank() || subject.length() > 300) {
            ProblemResponses.invalid(context, "subject", "length", "subject (the IdP's sub) has 1–300 characters");
        } else if (email != null && email.length() > 320) {
            ProblemResponses.invalid(context, "email", "length", "email has at most 320 characters");
        } else if (roles == null || roles.isEmpty() || !UserAdministration.ROLES.containsAll(roles)) {
            ProblemResponses.invalid(context, "roles", "unknown-role", "roles lists known roles: " + UserAdministration.ROLES);
        } else {
            users.provision(tenant, issuer, subject, email, roles).subscribe().with(user -> {
                if (user == null) {
                    ProblemResponses.send(context, 409, "user-exists", "User exists",
                            "This identity belongs to another tenant");
                } else {
                    Json.send(context, 201, userJson(user));
                }
            }, failure -> ProblemResponses.internal(context, failure));
        }
    }

    private void updateUser(RoutingContext context, UUID tenant, UUID id) {
        JsonObject body = Json.body(context);
        if (body == null) {
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body must be a JSON object");
            return;
        }
        Set<String> roles = body.containsKey("roles") ? strings(body.getValue("roles")) : null;
        Object active = body.getValue("active");
        if (body.containsKey("roles") && (roles == null || roles.isEmpty() || !UserAdministration.ROLES.containsAll(roles))) {
            ProblemResponses.invalid(context, "roles", "unknown-role", "roles lists known roles: " + UserAdministration.ROLES);
        } else if (active != null && !(active instanceof Boolean)) {
            ProblemResponses.invalid(context, "active", "not-a-boolean", "active is true or false");
        } else {
            Json.respond(context, users.update(tenant, id, roles, (Boolean) active).map(u -> u == null ? null : userJson(u)), 200);
        }
    }




    private JsonObject keyJsonOrNull(KeyView view) {
        return view == null || view.stored() == null ? null : keyJson(view);
    }

    private JsonObject keyJson(KeyView view) {
        var k = view.stored();
        Instant now = clock.instant();
        String status = k.revokedAt() != null ? "REVOKED" : k.expiresAt().isAfter(now) ? "ACTIVE" : "EXPIRED";
        JsonObject json = new JsonObject().put("id", k.id().toString()).put("name", k.name()).put("prefix", k.prefix())
                .put("display", "csk_" + view.environment() + "_" + k.prefix() + "…")
                .put("scopes", new JsonArray(k.scopes().stream().sorted().toList()))
                .put("allowedSources", new JsonArray(k.allowedSources().stream().sorted().toList()))
                .put("status", status).put("expiresAt", str(k.expiresAt())).put("lastUsedAt", str(k.lastUsedAt()))
                .put("revokedAt", str(k.revokedAt())).put("revokeReason", k.revokeReason())
                .put("replacedBy", k.replacedBy() == null ? null : k.replacedBy().toString())
                .put("createdAt", str(k.createdAt()));
        if (view.key() != null) {
            json.put("key", view.key());
        }
        return json;
    }

    private static JsonObject userJson(StoredUser u) {
        return new JsonObject().put("id", u.id().toString()).put("issuer", u.issuer()).put("subject", u.subject())
                .put("email", u.email()).put("roles", new JsonArray(u.roles().stream().sorted().toList()))
                .put("active", u.active()).put("createdAt", str(u.createdAt()));
    }

    private static JsonObject list(List<JsonObject> items) {
        return new JsonObject().put("items", new JsonArray(items));
    }

    private static String[] tail(String path, String base) {
        String rest = path.substring(base.length());
        return rest.isEmpty() || rest.equals("/") ? new String[0] : rest.substring(1).split("/");
    }

    /** Null unless the value is a list of strings. */
    private static Set<String> strings(Object value) {
        if (!(value instanceof JsonArray array)) {
            return null;
        }
        Set<String> result = new LinkedHashSet<>();
        for (Object item : array) {
            if (!(item instanceof String s)) {
                return null;
            }
            result.add(s);
        }
        return result;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String str(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
