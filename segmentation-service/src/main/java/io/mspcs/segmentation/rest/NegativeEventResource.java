package io.mspcs.segmentation.rest;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.mspcs.segmentation.domain.ClientSignals;
import io.mspcs.segmentation.service.NegativeEventService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/negative-events")
@Tag(name = "Segments")
public class NegativeEventResource {

    private final NegativeEventService negativeEvents;
    private final CallerContext caller;

    public NegativeEventResource(NegativeEventService negativeEvents, CallerContext caller) {
        this.negativeEvents = negativeEvents;
        this.caller = caller;
    }

    public record NegativeEventBody(String kind, String note, Instant occurredAt) {
    }

    @POST
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM})
    @Operation(summary = "Record an escalation (ESCALATION or OTHER) that starts a 90-day downgrade freeze",
            description = "Complaints are logged in health-service (…/health/observations) and arrive as ComplaintLogged.")
    public Uni<Response> record(@PathParam("clientId") UUID clientId, @NotNull NegativeEventBody body) {
        if (body.kind() == null) {
            throw ProblemException.invalid("kind", "required", "kind is required");
        }
        if (!body.kind().equals("ESCALATION") && !body.kind().equals("OTHER")) {
            throw ProblemException.invalid("kind", "enum", "kind is ESCALATION or OTHER");
        }
        if (body.note() == null || body.note().isBlank()) {
            throw ProblemException.invalid("note", body.note() == null ? "required" : "blank", "A note is required");
        }
        if (body.note().length() > 1000) {
            throw ProblemException.invalid("note", "size", "The note has at most 1000 characters");
        }
        return negativeEvents.record(caller.tenantId(), clientId, ClientSignals.NegativeKind.valueOf(body.kind()),
                        body.note().strip(), body.occurredAt(), caller.principalId(),
                        EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(recorded -> Response.status(201).entity(recorded).build());
    }
}
