package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.InitiativeState;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.mspcs.roadmap.service.RoadmapReadService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

@Path("/api/v1/clients/{clientId}")
@Tag(name = "Roadmap", description = "A client's roadmap by fiscal quarter and its initiatives")
public class ClientRoadmapResource {

    private static final Pattern QUARTER = Pattern.compile("^\\d{4}-Q[1-4]$");

    private final RoadmapReadService reads;
    private final CallerContext caller;

    public ClientRoadmapResource(RoadmapReadService reads, CallerContext caller) {
        this.reads = reads;
        this.caller = caller;
    }

    @GET
    @Path("/roadmap")
    @Operation(summary = "The client's roadmap: open items by quarter, backlog, head and version history",
            description = "404 client-not-found for a client this tenant does not have.")
    public Uni<RoadmapResponse> roadmap(@PathParam("clientId") UUID clientId) {
        return reads.roadmap(caller.tenantId(), clientId).map(snapshot -> RoadmapResponse.of(clientId, snapshot));
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
        var filter = new InitiativeRepository.Filter(validState(state), lane, validQuarter(quarter), remediation);
        return reads.initiatives(caller.tenantId(), clientId, filter, Page.uuidCursor(cursor), size)
                .map(items -> Page.of(items.stream().map(InitiativeResponse::of).toList(), size, InitiativeResponse::id));
    }

    private static String validState(String state) {
        if (state != null && Arrays.stream(InitiativeState.values()).noneMatch(s -> s.name().equals(state))) {
            throw ProblemException.invalid("state", "enum", "state must be one of " + Arrays.toString(InitiativeState.values()));
        }
        return state;
    }

    private static String validQuarter(String quarter) {
        if (quarter != null && !QUARTER.matcher(quarter).matches()) {
            throw ProblemException.invalid("quarter", "format", "quarter must look like 2027-Q1");
        }
        return quarter;
    }
}
