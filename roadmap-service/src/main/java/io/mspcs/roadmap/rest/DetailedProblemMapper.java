package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Problem;
import io.mspcs.roadmap.service.DetailedProblem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * problem+json with extension members (roadmap.md §4, §5). The more specific exception type wins over
 * rest-conventions' ProblemException mapper, whose document has no room for extensions.
 */
public class DetailedProblemMapper {

    private final CallerContext caller;

    public DetailedProblemMapper(CallerContext caller) {
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Response detailed(DetailedProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + problem.slug());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.putAll(problem.extensions());
        String correlationId = correlationId();
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private String correlationId() {
        try {
            return caller.correlationId();
        } catch (RuntimeException e) {
            return null; // no request context: the problem is still answered
        }
    }
}
