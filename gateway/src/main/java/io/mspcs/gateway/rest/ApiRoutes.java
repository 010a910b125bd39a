package io.mspcs.gateway.rest;

import io.mspcs.gateway.domain.Permission;
import io.mspcs.gateway.domain.PermissionTable;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.RequestPaths;
import io.mspcs.gateway.domain.RouteTable;
import io.mspcs.gateway.domain.TokenBucket;
import io.mspcs.gateway.domain.Upstream;
import io.mspcs.gateway.service.ApiKeyAuthenticator;
import io.mspcs.gateway.service.Authentication;
import io.mspcs.gateway.service.RateLimiter;
import io.mspcs.gateway.service.StreamTickets;
import io.mspcs.gateway.service.UserAuthenticator;
import io.mspcs.rest.CorrelationId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The edge of {@code /api/v1/**} (gateway.md §1–§3, §7): size and media type, exactly one credential, the tenant
 * from that credential, rate limits, the owner, ids, the permission table, the body, then the owner itself — the
 * gateway's own endpoints or the service, through the Idempotency-Key store for writes.
 */
@ApplicationScoped
public class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);
    static final long STANDARD_BODY_BYTES = 1024L * 1024;
    static final long BULK_BODY_BYTES = 16L * 1024 * 1024;
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final String PRINCIPAL = "principal";
    private static final String CHALLENGE = "Bearer realm=\"cs-platform\", ApiKey header=\"X-Api-Key\"";

    private final ApiKeyAuthenticator keys;
    private final UserAuthenticator users;
    private final RateLimiter rateLimiter;
    private final IdempotentWrites writes;
    private final OwnEndpoints own;
    private final StreamTickets tickets;

    public ApiRoutes(ApiKeyAuthenticator keys, UserAuthenticator users, RateLimiter rateLimiter, IdempotentWrites writes,
                     OwnEndpoints own, StreamTickets tickets) {
        this.tickets = tickets;
        this.keys = keys;
        this.users = users;
        this.rateLimiter = rateLimiter;
        this.writes = writes;
        this.own = own;
    }

    void register(@Observes Router router) {
        router.route("/api/v1/*").order(-10).handler(this::correlate);
        router.route("/api/v1/*").order(-9).handler(this::checkDeclaredBody);
        router.route("/api/v1/*").order(-8).handler(BodyHandler.create().setBodyLimit(BULK_BODY_BYTES))
                .failureHandler(this::bodyFailure);
        router.route("/api/v1/*").order(-7).handler(this::authenticate);
    }

    private void correlate(RoutingContext context) {
        String correlationId = CorrelationId.keepOrCreate(context.request().getHeader(CorrelationId.HEADER));
        context.put(ProblemResponses.CORRELATION_KEY, correlationId);
        MDC.put("correlationId", correlationId);
        context.next();
    }

    static boolean isBulk(RoutingContext context) {
        return context.request().path().endsWith("/bulk");
    }

    private static long bodyLimit(RoutingContext context) {
        if (CallbackRoutes.serves(context.request().path())) {
            return CallbackRoutes.BODY_BYTES;
        }
        return isBulk(context) ? BULK_BODY_BYTES : STANDARD_BODY_BYTES;
    }

    /** 413 and 415 before a byte of the body is read. */
    private void checkDeclaredBody(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        boolean hasBody = context.request().getHeader("Transfer-Encoding") != null
                || (length != null && !length.equals("0"));
        if (length != null && parseLong(length) > bodyLimit(context)) {
            tooLarge(context);
            return;
        }
        if (hasBody && BODY_METHODS.contains(context.request().method()) && !isJson(context.request().getHeader("Content-Type"))) {
            ProblemResponses.send(context, 415, "unsupported-media-type", "Unsupported media type",
                    "Write bodies must be application/json");
            return;
        }
        context.next();
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private void bodyFailure(RoutingContext context) {
        if (context.statusCode() == 413) {
            tooLarge(context);
        } else {
            LOG.warn("request body could not be read", context.failure());
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", "The body could not be read");
        }
    }

    private static void tooLarge(RoutingContext context) {
        ProblemResponses.send(context, 413, "payload-too-large", "Payload too large",
                "The body exceeds " + bodyLimit(context) / 1024 + " KiB");
    }

    private void authenticate(RoutingContext context) {
        if (context.body() != null && context.body().length() > bodyLimit(context)) {
            tooLarge(context); // chunked bodies have no Content-Length to check up front
            return;
        }
        if (CallbackRoutes.serves(context.request().path())) {
            context.next(); // PSA callbacks carry a signature, not a credential (CallbackRoutes)
            return;
        }
        String apiKey = context.request().getHeader("X-Api-Key");
        String authorization = context.request().getHeader("Authorization");
        if (apiKey != null && authorization != null) {
            ProblemResponses.send(context, 400, "ambiguous-credentials", "Ambiguous credentials",
                    "Send either X-Api-Key or Authorization, not both");
            return;
        }
        if (apiKey == null && authorization == null && context.request().path().equals(LiveFeedEndpoints.STREAM)
                && context.request().getParam("ticket") != null) {
            // EventSource cannot send headers: a single-use ticket stands in for the credential (§5)
            tickets.redeem(context.request().getParam("ticket")).ifPresentOrElse(principal -> proceedSafely(context, principal),
                    () -> ProblemResponses.send(context, 401, "invalid-credentials", "Invalid credentials",
                            "The stream ticket is unknown, used or expired"));
            return;
        }
        if (apiKey == null && authorization == null) {
            context.response().putHeader("WWW-Authenticate", CHALLENGE);
            ProblemResponses.send(context, 401, "unauthenticated", "Authentication required", "No credential was sent");
            return;
        }
        Uni<Authentication> authentication;
        if (apiKey != null) {
            authentication = keys.authenticate(apiKey).map(principal -> principal.map(Authentication::of)
                    .orElse(Authentication.invalid("The API key is unknown, expired or revoked")));
        } else if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            authentication = users.authenticate(authorization.substring(7).trim());
        } else {
            authentication = Uni.createFrom().item(Authentication.invalid("Only Bearer tokens are accepted"));
        }
        authentication.subscribe().with(result -> {
            if (result.succeeded()) {
                proceedSafely(context, result.principal());
            } else {
                if (result.status() == 401) {
                    context.response().putHeader("WWW-Authenticate",
                            apiKey != null ? CHALLENGE : "Bearer realm=\"cs-platform\", error=\"invalid_token\"");
                }
                ProblemResponses.send(context, result.status(), result.slug(),
                        result.status() == 401 ? "Invalid credentials" : "Forbidden", result.detail());
            }
        }, failure -> {
            LOG.error("credential check failed", failure);
            ProblemResponses.send(context, 503, "upstream-unavailable", "Service unavailable",
                    "Credentials cannot be checked right now");
        });
    }

    /** Whatever breaks after authentication still answers: a 500 problem, never a hanging connection. */
    private void proceedSafely(RoutingContext context, Principal principal) {
        try {
            proceed(context, principal);
        } catch (RuntimeException e) {
            LOG.error("request failed", e);
            ProblemResponses.send(context, 500, "internal", "Internal error", "The request could not be completed");
        }
    }

    private void proceed(RoutingContext context, Principal principal) {
        context.put(PRINCIPAL, principal);
        MDC.put("tenantId", principal.tenantId().toString());
        if (!withinRateLimit(context, principal)) {
            return;
        }
        String path = context.request().path();
        Upstream upstream = RouteTable.route(path);
        if (upstream == Upstream.NONE) {
            ProblemResponses.send(context, 404, "not-found", "Not found", "No such resource");
            return;
        }
        Optional<String> badId = RequestPaths.invalidId(path);
        if (badId.isPresent()) {
            ProblemResponses.invalid(context, badId.get(), "not-a-uuid", "Ids in paths are UUIDs");
            return;
        }
        Permission permission = PermissionTable.required(context.request().method().name(), path);
        switch (permission.decide(principal)) {
            case FORBIDDEN -> {
                ProblemResponses.send(context, 403, "forbidden", "Forbidden", "Your roles do not allow this action");
                return;
            }
            case INSUFFICIENT_SCOPE -> {
                ProblemResponses.send(context, 403, "insufficient-scope", "Insufficient scope",
                        "The API key lacks the scope " + permission.scope().orElse(""));
                return;
            }
            default -> {
            }
        }
        if (!acceptableBody(context)) {
            return;
        }
        if (upstream == Upstream.GATEWAY) {
            own.serve(context, principal);
        } else {
            writes.forward(context, upstream, principal);
        }
    }

    private boolean withinRateLimit(RoutingContext context, Principal principal) {
        return admitted(context, rateLimiter.take(principal, isBulk(context)));
    }

    /** Sets the RateLimit-* headers of the bucket; an empty bucket answers 429 with Retry-After (§7). */
    static boolean admitted(RoutingContext context, TokenBucket.Outcome outcome) {
        context.response().putHeader("RateLimit-Limit", Long.toString(outcome.limit()))
                .putHeader("RateLimit-Remaining", Long.toString(outcome.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(outcome.resetSeconds()));
        if (!outcome.allowed()) {
            context.response().putHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
            ProblemResponses.send(context, 429, "rate-limited", "Too many requests",
                    "Rate limit reached; retry after " + outcome.retryAfterSeconds() + " s");
        }
        return outcome.allowed();
    }

    private boolean acceptableBody(RoutingContext context) {
        if (!BODY_METHODS.contains(context.request().method()) || context.body() == null
                || context.body().buffer() == null || context.body().length() <= 0) {
            return true;
        }
        RequestBodies.Verdict verdict = RequestBodies.check(context.body().buffer().getBytes(), isBulk(context));
        if (verdict instanceof RequestBodies.Fine fine) {
            context.put(OwnEndpoints.JSON_BODY, fine.json());
            return sourceAllowed(context, fine.json());
        }
        if (verdict instanceof RequestBodies.Malformed malformed) {
            ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON", malformed.detail());
        } else if (verdict instanceof RequestBodies.TooManyItems many) {
            ProblemResponses.send(context, 400, "bulk-limit-exceeded", "Too many items",
                    many.count() + " items; at most " + RequestBodies.MAX_BULK_ITEMS + " per call");
        } else if (verdict instanceof RequestBodies.NulCharacter nul) {
            ProblemResponses.invalid(context, nul.field(), "nul-character", "Text may not contain the NUL character");
        }
        return false;
    }

    /** A key limited to some sources (gateway.md §1.1 allowedSources) may not upload for another one. */
    private static boolean sourceAllowed(RoutingContext context, com.fasterxml.jackson.databind.JsonNode json) {
        Principal principal = context.get(PRINCIPAL);
        String source = json.path("source").isTextual() ? json.path("source").textValue() : null;
        if (principal == null || principal.allowedSources().isEmpty() || source == null
                || principal.allowedSources().contains(source)) {
            return true;
        }
        ProblemResponses.send(context, 403, "forbidden", "Forbidden", "This API key may not write for source " + source);
        return false;
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
