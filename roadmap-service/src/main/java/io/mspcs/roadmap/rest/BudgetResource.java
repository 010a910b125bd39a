package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Roles;
import io.mspcs.roadmap.service.BudgetService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/budgets")
@Tag(name = "Budgets", description = "Budgets per client and fiscal year, derived from the roadmap")
public class BudgetResource {

    private final BudgetService budgets;
    private final CallerContext caller;

    public BudgetResource(BudgetService budgets, CallerContext caller) {
        this.budgets = budgets;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The client's budgets: every fiscal year holding a line, up to the end of the planning window")
    public Uni<List<BudgetResponse>> list(@PathParam("clientId") UUID clientId) {
        return budgets.list(caller.tenantId(), clientId)
                .map(views -> views.stream().map(BudgetResponse::of).toList());
    }

    @GET
    @Path("/{fiscalYear}")
    @Operation(summary = "One fiscal year: quarters with committed, planned and forecast CAPEX/OPEX, envelope, totals",
            description = "committed = approved work and later; planned = review, proposed, deferred; forecast = both. "
                    + "Recurring amounts are OPEX, spread over their months.")
    public Uni<BudgetResponse> get(@PathParam("clientId") UUID clientId, @PathParam("fiscalYear") int fiscalYear) {
        return budgets.get(caller.tenantId(), clientId, fiscalYear).map(BudgetResponse::of);
    }

    @PUT
    @Path("/{fiscalYear}/envelope")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO})
    @Operation(summary = "Set the client-approved envelope of the fiscal year (per quarter CAPEX/OPEX)",
            description = "A changed envelope is a new budget version with BudgetUpdated.")
    public Uni<BudgetResponse> envelope(@PathParam("clientId") UUID clientId, @PathParam("fiscalYear") int fiscalYear,
                                        BudgetService.EnvelopeInput body) {
        return budgets.putEnvelope(caller.tenantId(), caller.correlationId(), clientId, fiscalYear,
                RestInputs.body(body)).map(BudgetResponse::of);
    }
}
