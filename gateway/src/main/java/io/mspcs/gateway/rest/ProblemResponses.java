package io.mspcs.gateway.rest;

import io.mspcs.contracts.EventCodec;
import io.mspcs.rest.CorrelationId;
import io.mspcs.rest.Problem;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** The gateway's own errors, in the same problem+json shape the services use (gateway.md §8). */
public final class ProblemResponses {

    static final String CORRELATION_KEY = "correlationId";

    private ProblemResponses() {
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProblemResponses.class);

    static void notFound(RoutingContext context) {
        send(context, 404, "not-found", "Not found", "No such resource");
    }

    /** A 500 without internals; the failure itself goes to the log only. */
    static void internal(RoutingContext context, Throwable failure) {
        LOG.errorf(failure, "%s %s failed", context.request().method(), context.request().path());
        send(context, 500, "internal", "Internal error", "The request could not be completed");
    }

    public static void send(RoutingContext context, int status, String slug, String title, String detail) {
        send(context, status, slug, title, detail, List.of());
    }

    /** A 400 {@code validation-failed} naming the offending field. */
    public static void invalid(RoutingContext context, String field, String code, String detail) {
        send(context, 400, "validation-failed", "Request is invalid", detail, List.of(new Problem.FieldError(field, code)));
    }

    public static void send(RoutingContext context, int status, String slug, String title, String detail,
                            List<Problem.FieldError> errors) {
        if (context.response().ended()) {
            return;
        }
        Object correlationId = context.get(CORRELATION_KEY);
        Problem problem = new Problem("/problems/" + slug, title, status, detail, context.request().path(), errors,
                correlationId == null ? null : correlationId.toString());
        var response = context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (correlationId != null) {
            response.putHeader(CorrelationId.HEADER, correlationId.toString());
        }
        try {
            response.end(EventCodec.mapper().writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.end();
        }
    }
}
