package io.mspcs.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Every error a service answers is {@code application/problem+json} (README §4, gateway.md §8). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return respond(request, e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), e.extensions());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), codeOf(v)))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(request, 400, "validation-failed", "Request is invalid",
                errors.size() + (errors.size() == 1 ? " field is invalid" : " fields are invalid"), errors);
    }

    // One mapper per Jackson type: Quarkus REST ships built-in mappers for the specific subclasses, and the most
    // specific exception type wins, so a single JsonProcessingException mapper would not replace them.
    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper
    public Response malformed(MismatchedInputException e, ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper
    public Response malformed(InvalidFormatException e, ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, request);
        }
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> respond(request, 404, "not-found", "Not found", "No such resource", List.of());
            case 405 -> respond(request, 405, "method-not-allowed", "Method not allowed", e.getMessage(), List.of());
            case 406 -> respond(request, 406, "not-acceptable", "Not acceptable", e.getMessage(), List.of());
            case 413 -> respond(request, 413, "payload-too-large", "Payload too large", e.getMessage(), List.of());
            case 415 -> respond(request, 415, "unsupported-media-type", "Unsupported media type",
                    "Send application/json", List.of());
            default -> status >= 500 ? internal(e, request)
                    : respond(request, status, "bad-request", "Bad request", e.getMessage(), List.of());
        };
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(request, 403, "forbidden", "Forbidden", "The caller's roles do not allow this action", List.of());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, ContainerRequestContext request) {
        return respond(request, 401, "unauthenticated", "Authentication required", "The request did not come through the gateway",
                List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, ContainerRequestContext request) {
        return internal(e, request);
    }

    private Response internal(Exception e, ContainerRequestContext request) {
        LOG.error("unhandled failure", e);
        return respond(request, 500, "internal", "Internal error", "The request failed; it is logged with its correlation id",
                List.of());
    }

    private Response malformedJson(JsonProcessingException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            errors.add(new Problem.FieldError(jsonPath(mapping.getPath()), "type"));
        }
        return respond(request, 400, "malformed-json", "Malformed JSON",
                "The body is not valid JSON of the expected shape", errors);
    }

    private static Response respond(ContainerRequestContext request, int status, String slug, String title, String detail,
                                    List<Problem.FieldError> errors) {
        return respond(request, status, slug, title, detail, errors, Map.of());
    }

    private static Response respond(ContainerRequestContext request, int status, String slug, String title, String detail,
                                    List<Problem.FieldError> errors, Map<String, Object> extensions) {
        Object correlationId = request.getProperty(CorrelationId.HEADER);
        Problem problem = new Problem("/problems/" + slug, title, status, detail, request.getUriInfo().getRequestUri().getPath(),
                errors, correlationId == null ? null : correlationId.toString(), extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code ingest.request.items[2].mrr} → {@code items[2].mrr}: the method and parameter nodes are not the client's. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String codeOf(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (annotation) {
            case "NotBlank", "NotEmpty" -> "blank";
            case "NotNull" -> "required";
            case "Size" -> "size";
            case "Min", "DecimalMin", "PositiveOrZero", "Positive" -> "min";
            case "Max", "DecimalMax" -> "max";
            case "Pattern", "Email" -> "format";
            default -> annotation.toLowerCase();
        };
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            }
        }
        return field.toString();
    }
}
