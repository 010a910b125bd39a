package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.Roles;
import io.mspcs.roadmap.service.BudgetLineService;
import io.mspcs.roadmap.service.BudgetService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/budgets")
@Tag(name = "Budgets", description = "Budgets per client and fiscal year, derived from the roadmap")
public class BudgetResource {

    private final BudgetService budgets;
    private final BudgetLineService lines;
    private final CallerContext caller;

    public BudgetResource(BudgetService budgets, BudgetLineService lines, CallerContext caller) {
        this.budgets = budgets;
        this.lines = lines;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The client's budgets, paged by fiscal year: every fiscal year holding a line, up to the end "
            + "of the planning window")
    public Uni<Page<BudgetResponse>> list(@PathParam("clientId") UUID clientId, @QueryParam("limit") Integer limit,
                                          @QueryParam("cursor") String cursor) {
        Keyset page = Keyset.of(limit, cursor);
        return budgets.list(caller.tenantId(), clientId)
                .map(views -> page.page(views, view -> Keyset.key(view.fiscalYear()), BudgetResponse::of));
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

    @POST
    @Path("/{fiscalYear}/lines")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO})
    @Operation(summary = "Add a manual line (renewal, subscription, hardware lifecycle, other) with its sourceRef",
            description = "amount is the line's total in its quarter; RECURRING lines are OPEX and cover 1–3 months "
                    + "of the quarter (3 by default). A changed fiscal year is a new budget version with BudgetUpdated."
                    + " 400 validation-failed (format, quarter-out-of-range, negative, scale, currency-mismatch, enum, "
                    + "recurring-is-opex); 409 client-churned.")
    public Uni<Response> addLine(@PathParam("clientId") UUID clientId, @PathParam("fiscalYear") int fiscalYear,
                                 BudgetLineService.LineInput body) {
        return lines.add(caller.tenantId(), caller.correlationId(), clientId, fiscalYear, RestInputs.body(body))
                .map(view -> Response.status(201).entity(BudgetResponse.of(view)).build());
    }

    @PATCH
    @Path("/{fiscalYear}/lines/{lineId}")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO})
    @Operation(summary = "Edit a manual line; absent fields stay",
            description = "409 derived-line-read-only for a line derived from an initiative; If-Match: the line's "
                    + "version (412 version-mismatch).")
    public Uni<BudgetResponse> changeLine(@PathParam("clientId") UUID clientId,
                                          @PathParam("fiscalYear") int fiscalYear, @PathParam("lineId") UUID lineId,
                                          @HeaderParam("If-Match") String ifMatch, BudgetLineService.LineInput body) {
        return lines.change(caller.tenantId(), caller.correlationId(), clientId, fiscalYear, lineId,
                RestInputs.ifMatch(ifMatch), RestInputs.body(body)).map(BudgetResponse::of);
    }

    @DELETE
    @Path("/{fiscalYear}/lines/{lineId}")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO})
    @Operation(summary = "Remove a manual line", description = "409 derived-line-read-only for a derived line.")
    public Uni<Response> deleteLine(@PathParam("clientId") UUID clientId, @PathParam("fiscalYear") int fiscalYear,
                                    @PathParam("lineId") UUID lineId) {
        return lines.delete(caller.tenantId(), caller.correlationId(), clientId, fiscalYear, lineId)
                .map(ignored -> Response.noContent().build());
    }
}
