package io.mspcs.segmentation.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.segmentation.domain.TeamRole;
import io.mspcs.segmentation.service.ReportService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1")
@Tag(name = "Portfolio", description = "Capacity across the team and the distribution of clients")
public class PortfolioResource {

    private final ReportService reports;
    private final CallerContext caller;

    public PortfolioResource(ReportService reports, CallerContext caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/capacity")
    @Operation(summary = "Members × roles: load, utilisation, red/yellow share, breaches and suggestions (?role=)")
    public Uni<List<ReportService.Book>> capacity(@QueryParam("role") String role) {
        if (role != null) {
            ClientResource.enumValue(TeamRole.class, role, "role");
        }
        return reports.capacity(caller.tenantId(), role);
    }

    @GET
    @Path("/portfolio/distribution")
    @Operation(summary = "Active clients and MRR by segment, by MRR band and segment × band (zeros included)")
    public Uni<ReportService.Distribution> distribution() {
        return reports.distribution(caller.tenantId());
    }
}
