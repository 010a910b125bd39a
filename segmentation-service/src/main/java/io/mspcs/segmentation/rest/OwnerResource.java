package io.mspcs.segmentation.rest;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Roles;
import io.mspcs.segmentation.domain.TeamRole;
import io.mspcs.segmentation.messaging.OwnerEvents;
import io.mspcs.segmentation.service.TeamService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/owners")
@Tag(name = "Owners", description = "Who owns a client in each role (CSM, VCIO, TAM, AM)")
public class OwnerResource {

    private final TeamService team;
    private final CallerContext caller;

    public OwnerResource(TeamService team, CallerContext caller) {
        this.team = team;
        this.caller = caller;
    }

    public record OwnerBody(UUID memberId, UUID backupMemberId, String reason) {
    }

    public record OwnersView(Map<String, OwnerEvents.Owner> owners, List<String> warnings) {
        static OwnersView of(TeamService.OwnerMap map) {
            return new OwnersView(OwnerEvents.fullMap(map.owners()), map.warnings());
        }
    }

    @GET
    @Operation(summary = "The owner map: role → owner and backup (null if none), with warnings")
    public Uni<OwnersView> owners(@PathParam("clientId") UUID clientId) {
        return team.owners(caller.tenantId(), clientId).map(OwnersView::of);
    }

    @PUT
    @Path("/{role}")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Assign the owner (and backup) of a role; emits OwnerAssigned with the full map",
            description = "The member must be active and hold the role; the backup differs from the owner; a churned "
                    + "client answers 409 client-churned. The same owner and backup again changes nothing.")
    public Uni<OwnersView> assign(@PathParam("clientId") UUID clientId, @PathParam("role") String role,
                                  @NotNull OwnerBody body) {
        TeamRole teamRole = ClientResource.enumValue(TeamRole.class, role, "role");
        return team.assign(caller.tenantId(), clientId, teamRole, body.memberId(), body.backupMemberId(), body.reason(),
                caller.principalId(), context()).map(OwnersView::of);
    }

    @DELETE
    @Path("/{role}")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Unassign the owner of a role; emits OwnerAssigned with memberId null")
    public Uni<Void> unassign(@PathParam("clientId") UUID clientId, @PathParam("role") String role) {
        TeamRole teamRole = ClientResource.enumValue(TeamRole.class, role, "role");
        return team.unassign(caller.tenantId(), clientId, teamRole, caller.principalId(), context());
    }

    private EventContext context() {
        return EventContext.ofRequest(caller.tenantId(), caller.correlationId());
    }
}
