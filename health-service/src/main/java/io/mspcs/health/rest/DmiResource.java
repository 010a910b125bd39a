package io.mspcs.health.rest;

import io.mspcs.health.domain.SnapshotKind;
import io.mspcs.health.service.DmiService;
import io.mspcs.health.service.ExpectedMoveService;
import io.mspcs.health.service.RecomputeQueue;
import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/clients/{clientId}/dmi")
@Tag(name = "DMI", description = "Digital Maturity Index: manual coverage, the live sheet and its snapshots")
public class DmiResource {

    private final DmiService dmi;
    private final ExpectedMoveService expectedMoves;
    private final RecomputeQueue recomputes;
    private final CallerContext caller;

    public DmiResource(DmiService dmi, ExpectedMoveService expectedMoves, RecomputeQueue recomputes,
                       CallerContext caller) {
        this.dmi = dmi;
        this.expectedMoves = expectedMoves;
        this.recomputes = recomputes;
        this.caller = caller;
    }

    @POST
    @Path("/coverage")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM})
    @Operation(summary = "Record up to 20 manual insight coverages and answer the recomputed sheet",
            description = "Each item gives coverage (0-1) or numerator + denominator, optionally observedAt (default now) "
                    + "and a note. The latest observation per insight wins. A material change of the DMI takes a "
                    + "snapshot and emits health.DmiMeasured.v1 (and health.DmiDropped.v1 on a drop) in the same "
                    + "transaction; a recompute that changes nothing emits nothing.")
    public Uni<DmiSheetView> recordCoverage(@PathParam("clientId") UUID clientId, CoverageRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "required", "A JSON body with items is required");
        }
        EventContext context = EventContext.ofRequest(caller.tenantId(), caller.correlationId());
        // committed: re-score the client's health with the new coverage (manual entries count as signals)
        return dmi.recordCoverage(clientId, request.inputs(), context)
                .invoke(sheet -> recomputes.schedule(caller.tenantId(), java.util.Set.of(clientId), "SIGNALS", context))
                .map(sheet -> DmiSheetView.of(clientId, sheet));
    }

    @GET
    @Operation(summary = "The client's DMI sheet, computed now from the active catalogue and the current coverage",
            description = "expectedMoves: initiatives' promised points per insight (InitiativeCompleted health links), "
                    + "PENDING until the first CYCLE snapshot at least 30 days after completion, then MET or MISSED "
                    + "by actualPoints = 100 · (coverage − baseline).")
    public Uni<DmiSheetView> sheet(@PathParam("clientId") UUID clientId) {
        return dmi.sheet(caller.tenantId(), clientId).chain(sheet -> expectedMoves.verdicts(caller.tenantId(), clientId)
                .map(moves -> DmiSheetView.of(clientId, sheet, moves)));
    }

    @GET
    @Path("/snapshots")
    @Operation(summary = "The client's DMI snapshots, newest first, optionally of one kind (CYCLE, INTERIM)")
    public Uni<Page<DmiSnapshotView>> snapshots(@PathParam("clientId") UUID clientId, @QueryParam("kind") String kind,
                                                @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return dmi.snapshots(caller.tenantId(), clientId, kind(kind), Page.uuidCursor(cursor), size)
                .map(rows -> Page.of(rows.stream().map(DmiSnapshotView::of).toList(), size, DmiSnapshotView::snapshotId));
    }

    private static SnapshotKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return SnapshotKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "unknown", "kind must be CYCLE or INTERIM");
        }
    }
}
