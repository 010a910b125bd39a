package io.mspcs.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.rest.CorrelationId;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small JSON answers and body access of the gateway's own Vert.x endpoints. */
final class Json {

    private Json() {
    }

    static void send(RoutingContext context, int status, JsonObject body) {
        if (context.response().ended()) {
            return;
        }
        Object correlationId = context.get(ProblemResponses.CORRELATION_KEY);
        if (correlationId != null) {
            context.response().putHeader(CorrelationId.HEADER, correlationId.toString());
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** The answer with {@code status}, 404 when it is null, a 500 problem when it failed. */
    static void respond(RoutingContext context, io.smallrye.mutiny.Uni<JsonObject> answer, int status) {
        answer.subscribe().with(json -> {
            if (json == null) {
                ProblemResponses.notFound(context);
            } else {
                send(context, status, json);
            }
        }, failure -> ProblemResponses.internal(context, failure));
    }

    /** 204 when something was deleted, 404 when there was nothing to delete. */
    static void deleted(RoutingContext context, io.smallrye.mutiny.Uni<Boolean> deletion) {
        deletion.subscribe().with(found -> {
            if (found) {
                context.response().setStatusCode(204).end();
            } else {
                ProblemResponses.notFound(context);
            }
        }, failure -> ProblemResponses.internal(context, failure));
    }

    /** The request body as a JSON object; an absent body is an empty object, another JSON value is null. */
    static JsonObject body(RoutingContext context) {
        JsonNode node = context.get(OwnEndpoints.JSON_BODY);
        if (node == null) {
            return new JsonObject();
        }
        return node.isObject() ? new JsonObject(node.toString()) : null;
    }
}
