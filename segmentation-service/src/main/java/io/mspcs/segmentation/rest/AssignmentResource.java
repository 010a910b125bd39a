package io.mspcs.segmentation.rest;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.mspcs.segmentation.service.ClientRegistryService;
import io.mspcs.segmentation.service.TeamService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/assignments")
@Tag(name = "Owners")
public class AssignmentResource {

    private final TeamService team;
    private final CallerContext caller;

    public AssignmentResource(TeamService team, CallerContext caller) {
        this.team = team;
        this.caller = caller;
    }

    public record BulkBody(List<TeamService.BulkAssignment> items) {
    }

    public record BulkResponse(Map<String, Long> summary, List<TeamService.BulkAssignmentResult> items) {
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Assign up to 5,000 owners: {clientId | source+externalId, role, memberId | memberExternalId, "
            + "backupMemberId?}", description = "Answers per line (ASSIGNED, UNCHANGED, REJECTED with a problem); "
            + "each changed line emits OwnerAssigned.")
    public Uni<BulkResponse> bulk(@NotNull BulkBody body) {
        if (body.items() == null || body.items().isEmpty()) {
            throw ProblemException.invalid("items", "size", "A batch needs at least one item");
        }
        if (body.items().size() > ClientRegistryService.BULK_LIMIT) {
            throw new ProblemException(400, "bulk-limit-exceeded", "Too many items",
                    "At most " + ClientRegistryService.BULK_LIMIT + " items per call",
                    List.of(new Problem.FieldError("items", "size")));
        }
        return team.assignAll(caller.tenantId(), body.items(), caller.principalId(),
                        EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(results -> {
                    Map<String, Long> summary = new LinkedHashMap<>();
                    summary.put("received", (long) results.size());
                    for (String status : List.of("ASSIGNED", "UNCHANGED", "REJECTED")) {
                        summary.put(status.toLowerCase(), results.stream().filter(r -> r.status().equals(status)).count());
                    }
                    return new BulkResponse(summary, results);
                });
    }
}
