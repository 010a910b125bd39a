package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.InitiativeState;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.mspcs.roadmap.service.RoadmapReadService;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.mspcs.roadmap.service.Actor;
import io.mspcs.roadmap.service.InitiativeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

@Path("/api/v1/clients/{clientId}")
@Tag(name = "Roadmap", description = "A client's roadmap by fiscal quarter and its initiatives")
public class ClientRoadmapResource {

    private static final Pattern QUARTER = Pattern.compile("^\\d{4}-Q[1-4]$");

    private final RoadmapReadService reads;
    private final InitiativeService initiatives;
    private final io.mspcs.roadmap.service.ResequenceService resequencing;
    private final CallerContext caller;

    public ClientRoadmapResource(RoadmapReadService reads, InitiativeService initiatives,
                                 io.mspcs.roadmap.service.ResequenceService resequencing, CallerContext caller) {
        this.reads = reads;
        this.initiatives = initiatives;
        this.resequencing = resequencing;
        this.caller = caller;
    }

    @POST
    @Path("/roadmap/resequence")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Move items to other quarters or positions, all or nothing; one new version (MANUAL)",
            description = "409 remediation-must-lead while a fix-first gate is open; 422 initiative-not-movable for "
                    + "closed work; If-Match: \"<roadmap version>\" (412 version-mismatch).")
    public Uni<io.mspcs.roadmap.service.ResequenceService.Outcome> resequence(
            @PathParam("clientId") UUID clientId, @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch,
            io.mspcs.roadmap.service.ResequenceService.Request body) {
        return resequencing.resequence(caller.tenantId(), caller.correlationId(), clientId,
                RestInputs.ifMatch(ifMatch), RestInputs.body(body), Actor.user(caller.principalId(), caller.roles()));
    }

    @POST
    @Path("/initiatives")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Create a DRAFT initiative at the end of its quarter (or in the backlog)",
            description = "400 validation-failed (format, quarter-out-of-range, negative, scale, currency-mismatch, "
                    + "enum, required, length); 404 client-not-found; 409 client-churned. Emits InitiativeCreated.")
    public Uni<Response> create(@PathParam("clientId") UUID clientId, InitiativeService.NewInitiative body) {
        return initiatives.create(caller.tenantId(), caller.correlationId(), clientId, RestInputs.body(body),
                        Actor.user(caller.principalId(), caller.roles()))
                .map(created -> Response.status(201).entity(InitiativeResponse.of(created)).build());
    }

    @GET
    @Path("/roadmap/versions")
    @Operation(summary = "The roadmap's version history with reasons and moves, paged, oldest first")
    public Uni<Page<RoadmapResponse.VersionEntry>> versions(@PathParam("clientId") UUID clientId,
                                                            @QueryParam("limit") Integer limit,
                                                            @QueryParam("cursor") String cursor) {
        Keyset page = Keyset.of(limit, cursor);
        return reads.roadmap(caller.tenantId(), clientId).map(snapshot -> page.page(snapshot.history(),
                entry -> Keyset.key(entry.roadmapVersion), RoadmapResponse.VersionEntry::of));
    }

    @POST
    @Path("/roadmap/reviews")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Mark the roadmap reviewed now (freshness); no new version")
    public Uni<Response> review(@PathParam("clientId") UUID clientId) {
        return reads.markReviewed(caller.tenantId(), clientId).map(roadmap -> Response.status(201)
                .entity(java.util.Map.of("roadmapId", roadmap.id, "lastReviewedAt", roadmap.lastReviewedAt)).build());
    }

    @GET
    @Path("/roadmap")
    @Operation(summary = "The client's roadmap: open items by quarter, backlog, head and version history",
            description = "fromQuarter / toQuarter limit the quarters shown (inclusive); includeCompleted adds "
                    + "COMPLETED work. 404 client-not-found for a client this tenant does not have.")
    public Uni<RoadmapResponse> roadmap(@PathParam("clientId") UUID clientId,
                                        @QueryParam("fromQuarter") String fromQuarter,
                                        @QueryParam("toQuarter") String toQuarter,
                                        @QueryParam("includeCompleted") boolean includeCompleted) {
        var range = new RoadmapResponse.Range(validQuarter(fromQuarter, "fromQuarter"),
                validQuarter(toQuarter, "toQuarter"), includeCompleted);
        return reads.roadmap(caller.tenantId(), clientId)
                .map(snapshot -> RoadmapResponse.of(clientId, snapshot, range));
    }

    @GET
    @Path("/initiatives")
    @Operation(summary = "The client's initiatives, paged, optionally filtered by state, lane, quarter, remediation")
    public Uni<Page<InitiativeResponse>> initiatives(@PathParam("clientId") UUID clientId,
                                                     @QueryParam("state") String state,
                                                     @QueryParam("lane") String lane,
                                                     @QueryParam("quarter") String quarter,
                                                     @QueryParam("remediation") Boolean remediation,
                                                     @QueryParam("limit") Integer limit,
                                                     @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        var filter = new InitiativeRepository.Filter(validState(state), lane, validQuarter(quarter, "quarter"),
                remediation);
        return reads.initiatives(caller.tenantId(), clientId, filter, Page.uuidCursor(cursor), size)
                .map(items -> Page.of(items.stream().map(InitiativeResponse::of).toList(), size, InitiativeResponse::id));
    }

    private static String validState(String state) {
        if (state != null && Arrays.stream(InitiativeState.values()).noneMatch(s -> s.name().equals(state))) {
            throw ProblemException.invalid("state", "enum", "state must be one of " + Arrays.toString(InitiativeState.values()));
        }
        return state;
    }

    private static String validQuarter(String quarter, String field) {
        if (quarter != null && !QUARTER.matcher(quarter).matches()) {
            throw ProblemException.invalid(field, "format", field + " must look like 2027-Q1");
        }
        return quarter;
    }
}
