package io.mspcs.segmentation.rest;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Roles;
import io.mspcs.segmentation.domain.TeamRole;
import io.mspcs.segmentation.repository.TeamMemberEntity;
import io.mspcs.segmentation.service.ReportService;
import io.mspcs.segmentation.service.TeamService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/team-members")
@Tag(name = "Team", description = "Team members, their roles, capacity and books of business")
public class TeamMemberResource {

    private final TeamService team;
    private final ReportService reports;
    private final CallerContext caller;

    public TeamMemberResource(TeamService team, ReportService reports, CallerContext caller) {
        this.team = team;
        this.reports = reports;
        this.caller = caller;
    }

    public record Capacity(String unit, BigDecimal hoursPerMonth) {
    }

    public record MemberBody(String name, String email, String source, String externalId,
                             List<TeamMemberEntity.RoleAllocation> roles, Capacity capacity, String status) {
        TeamService.MemberInput input() {
            return new TeamService.MemberInput(name, email, source, externalId, roles,
                    capacity == null ? null : capacity.unit(), capacity == null ? null : capacity.hoursPerMonth(), status);
        }
    }

    public record MemberView(UUID id, String name, String email, String source, String externalId,
                             List<TeamMemberEntity.RoleAllocation> roles, Capacity capacity, String status,
                             List<ReportService.Book> load) {
        static MemberView of(TeamMemberEntity m, List<ReportService.Book> load) {
            return new MemberView(m.id, m.name, m.email, m.source, m.externalId, m.roleList(),
                    new Capacity(m.capacityUnit, m.hoursPerMonth), m.status, load);
        }
    }

    @POST
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Create a team member (roles with allocations summing to ≤ 1.00; e-mail unique per tenant)")
    public Uni<Response> create(@NotNull MemberBody body) {
        return team.create(caller.tenantId(), body.input())
                .map(member -> Response.status(201).entity(MemberView.of(member, null)).build());
    }

    @GET
    @Operation(summary = "List team members (filters role, status)")
    public Uni<List<MemberView>> list(@QueryParam("role") String role, @QueryParam("status") String status) {
        if (role != null) {
            ClientResource.enumValue(TeamRole.class, role, "role");
        }
        return team.list(caller.tenantId(), role, status)
                .map(members -> members.stream().map(m -> MemberView.of(m, null)).toList());
    }

    @GET
    @Path("/{memberId}")
    @Operation(summary = "One member with the load of each role")
    public Uni<MemberView> get(@PathParam("memberId") UUID memberId) {
        return team.get(caller.tenantId(), memberId).chain(member -> reports.capacity(caller.tenantId(), null)
                .map(books -> MemberView.of(member, books.stream().filter(b -> b.memberId().equals(memberId)).toList())));
    }

    @PATCH
    @Path("/{memberId}")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Change roles, capacity or status (INACTIVE only without assignments: 409 member-has-assignments)")
    public Uni<MemberView> patch(@PathParam("memberId") UUID memberId, @NotNull MemberBody body) {
        return team.patch(caller.tenantId(), memberId, body.input(),
                        EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(member -> MemberView.of(member, null));
    }

    @GET
    @Path("/{memberId}/book")
    @Operation(summary = "The member's book of business in a role (?role= when the member holds several)",
            description = "Accounts, colours, segments, MRR, red/yellow share, load, breaches and a rebalancing suggestion.")
    public Uni<ReportService.Book> book(@PathParam("memberId") UUID memberId, @QueryParam("role") String role) {
        if (role != null) {
            ClientResource.enumValue(TeamRole.class, role, "role");
        }
        return reports.book(caller.tenantId(), memberId, role);
    }
}
