package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.roadmap.service.RoadmapReadService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/initiatives")
@Tag(name = "Initiatives", description = "Initiatives: remediation and new work on the roadmap")
public class InitiativeResource {

    private final RoadmapReadService reads;
    private final CallerContext caller;

    public InitiativeResource(RoadmapReadService reads, CallerContext caller) {
        this.reads = reads;
        this.caller = caller;
    }

    @GET
    @Path("/{initiativeId}")
    @Operation(summary = "One initiative with its origin references (CTAs, health events); 404 for another tenant's id")
    public Uni<InitiativeResponse> get(@PathParam("initiativeId") UUID initiativeId) {
        return reads.initiative(caller.tenantId(), initiativeId).map(InitiativeResponse::of);
    }
}
