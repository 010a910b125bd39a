package io.mspcs.segmentation.rest;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.mspcs.segmentation.domain.SegmentationPolicy;
import io.mspcs.segmentation.service.PolicyService;
import io.mspcs.segmentation.service.SweepService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/segmentation")
@Tag(name = "Segmentation policy", description = "Tenant thresholds and the sweep")
public class SegmentationResource {

    private final PolicyService policies;
    private final SweepService sweep;
    private final CallerContext caller;

    public SegmentationResource(PolicyService policies, SweepService sweep, CallerContext caller) {
        this.policies = policies;
        this.sweep = sweep;
        this.caller = caller;
    }

    @GET
    @Path("/policy")
    @Operation(summary = "The active segmentation policy (version 1 = the defaults until one is published)")
    public Uni<SegmentationPolicy> policy() {
        return policies.active(caller.tenantId());
    }

    @PUT
    @Path("/policy")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Publish a new policy version and re-evaluate every client with it",
            description = "The body is a whole policy (its version is ignored). Identical content publishes nothing. "
                    + "If-Match: \"<version>\" answers 412 when another version is active; weights must sum to 1, band "
                    + "bounds descend, keep-above stays below the promotion threshold; the currency is locked once "
                    + "clients exist (409).")
    public Uni<SegmentationPolicy> publish(@NotNull SegmentationPolicy body, @HeaderParam("If-Match") String ifMatch) {
        Integer expected = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            try {
                expected = Integer.valueOf(ifMatch.replace("W/", "").replace("\"", "").strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("If-Match", "format", "If-Match is \"<version>\"");
            }
        }
        return policies.publish(caller.tenantId(), body, expected, caller.principalId(), context());
    }

    @POST
    @Path("/sweep")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Run the sweep now: due override expiries, hold releases, timed promotions",
            description = "Driven by the service clock; a second run changes nothing.")
    public Uni<SweepService.SweepResult> sweep() {
        return sweep.sweep(caller.tenantId(), context());
    }

    private EventContext context() {
        return EventContext.ofRequest(caller.tenantId(), caller.correlationId());
    }
}
