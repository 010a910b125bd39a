package io.mspcs.gateway.rest;

import io.mspcs.gateway.domain.RequestPaths;
import io.mspcs.gateway.service.CallbackIntake;
import io.mspcs.gateway.service.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * {@code POST /api/v1/integrations/{connectionId}/callbacks} and {@code …/deactivated} (gateway.md §9.2, §10): the
 * PSA proves itself with the signature alone — no API key or token — so these run after the size and media-type
 * checks of {@link ApiRoutes} but instead of its authentication. Unknown connection 404, bad or missing signature
 * 401 (nothing stored), accepted 202 at once.
 */
@ApplicationScoped
public class CallbackRoutes {

    static final String PREFIX = "/api/v1/integrations/";
    static final long BODY_BYTES = 256L * 1024;
    private static final Logger LOG = Logger.getLogger(CallbackRoutes.class);

    private final CallbackIntake intake;
    private final RateLimiter rateLimiter;

    public CallbackRoutes(CallbackIntake intake, RateLimiter rateLimiter) {
        this.intake = intake;
        this.rateLimiter = rateLimiter;
    }

    static boolean serves(String path) {
        return path.startsWith(PREFIX);
    }

    void register(@Observes Router router) {
        router.route(PREFIX + "*").order(-6).handler(this::receive);
    }

    private void receive(RoutingContext context) {
        String[] parts = context.request().path().substring(PREFIX.length()).split("/", -1);
        boolean known = parts.length == 2 && (parts[1].equals("callbacks") || parts[1].equals("deactivated"));
        if (!known || context.request().method() != HttpMethod.POST) {
            ProblemResponses.send(context, 404, "not-found", "Not found", "No such resource");
            return;
        }
        if (!RequestPaths.isUuid(parts[0])) {
            ProblemResponses.invalid(context, "connectionId", "not-a-uuid", "Ids in paths are UUIDs");
            return;
        }
        UUID connectionId = UUID.fromString(parts[0]);
        if (!ApiRoutes.admitted(context, rateLimiter.takeCallback(connectionId))) {
            return;
        }
        byte[] body = context.body() == null || context.body().buffer() == null ? new byte[0]
                : context.body().buffer().getBytes();
        Uni<CallbackIntake.Result> result = parts[1].equals("callbacks")
                ? intake.receive(connectionId, context.request()::getHeader, body)
                : intake.deactivated(connectionId, context.request()::getHeader, body);
        result.subscribe().with(outcome -> answer(context, outcome), failure -> {
            LOG.error("callback intake failed", failure);
            ProblemResponses.send(context, 500, "internal", "Internal error", "The callback could not be stored");
        });
    }

    private static void answer(RoutingContext context, CallbackIntake.Result outcome) {
        switch (outcome) {
            case ACCEPTED, DUPLICATE -> Json.send(context, 202, new JsonObject()
                    .put("status", outcome == CallbackIntake.Result.ACCEPTED ? "ACCEPTED" : "DUPLICATE"));
            case NOT_FOUND -> ProblemResponses.send(context, 404, "not-found", "Not found", "No such connection");
            case BAD_SIGNATURE -> ProblemResponses.send(context, 401, "invalid-credentials", "Invalid credentials",
                    "The callback signature is missing or does not match");
            case MALFORMED -> ProblemResponses.send(context, 400, "malformed-json", "Malformed JSON",
                    "The callback body is not a JSON object");
            case KEY_UNAVAILABLE -> {
                context.response().putHeader("Retry-After", "5");
                ProblemResponses.send(context, 503, "upstream-unavailable", "Service unavailable",
                        "The signing key cannot be fetched right now");
            }
        }
    }
}
