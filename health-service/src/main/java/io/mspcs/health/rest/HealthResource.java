package io.mspcs.health.rest;

import io.mspcs.health.service.GateService;
import io.mspcs.health.service.HealthQueryService;
import io.mspcs.health.service.ObservationService;
import io.mspcs.health.service.WhatIfService;
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

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/health")
@Tag(name = "Health", description = "Five-dimension health scores, their explanation and history")
public class HealthResource {

    private final HealthQueryService health;
    private final GateService gates;
    private final ObservationService observations;
    private final WhatIfService whatIf;
    private final CallerContext caller;
    private final Clock clock;

    public HealthResource(HealthQueryService health, GateService gates, ObservationService observations,
                          WhatIfService whatIf, CallerContext caller, Clock clock) {
        this.whatIf = whatIf;
        this.health = health;
        this.gates = gates;
        this.observations = observations;
        this.caller = caller;
        this.clock = clock;
    }

    /** {@code items} stay JSON-shaped (maps) so each item is checked field by field like a bulk item. */
    public record ObservationsRequest(List<Object> items) {
    }

    @POST
    @Path("/observations")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM})
    @Operation(summary = "Record up to 50 manual observations: COMPLAINT, EXEC_SPONSOR_CONTACT, SURVEY_RESPONSE, "
            + "SERVICE_COVERAGE",
            description = "Each item is {type, observedAt? (default now), ...the type's fields as in the bulk ingest}. "
                    + "They are stored as signals of source manual with a generated externalId, emit "
                    + "health.SignalsIngested.v1 (and health.ComplaintLogged.v1 per complaint) and re-score the "
                    + "client. One bad item refuses the whole call (400 validation-failed, 422 unknown-signal-type, "
                    + "value-out-of-range, observed-in-future) and nothing is stored.")
    public Uni<BulkSignalsView> observe(@PathParam("clientId") UUID clientId, ObservationsRequest request) {
        if (request == null) {
            throw ProblemException.invalid("items", "required", "A JSON body with items is required");
        }
        return observations.record(clientId, request.items(),
                        EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(BulkSignalsView::of);
    }

    @GET
    @Operation(summary = "Current health: composite, five dimensions, and why",
            description = "Each dimension lists its inputs with value, unit, sub-score, weight, effective weight, "
                    + "contribution, status, sample size, window, asOf/receivedAt and ageDays (computed now); "
                    + "topMovers are the inputs whose contribution moved most since the previous score. A client not "
                    + "scored yet answers with scoreId absent.")
    public Uni<HealthView> current(@PathParam("clientId") UUID clientId) {
        return health.current(caller.tenantId(), clientId)
                .map(current -> HealthView.of(clientId, current.record(), current.alerts(), clock.instant()));
    }

    @GET
    @Path("/history")
    @Operation(summary = "Score history, newest first, with changes and markers (MODEL_CHANGED, CATALOG_CHANGED, SEGMENT_CHANGED)",
            description = "With monthly=true the month closes instead, newest first: {month, scoreId, colors, "
                    + "consecutiveReds} per dimension and COMPOSITE (from and to do not apply; the cursor is a month).")
    public Uni<Page<?>> history(@PathParam("clientId") UUID clientId, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("limit") Integer limit,
                                @QueryParam("cursor") String cursor, @QueryParam("monthly") boolean monthly) {
        int size = Page.limit(limit);
        if (monthly) {
            return health.monthly(caller.tenantId(), clientId, monthCursor(cursor), size).map(rows -> {
                List<MonthCloseView> items = rows.stream().map(MonthCloseView::of).toList();
                return new Page<>(items, items.size() == size ? items.get(size - 1).month() : null);
            });
        }
        return health.history(caller.tenantId(), clientId, QueryParams.instant("from", from), QueryParams.instant("to", to),
                        Page.uuidCursor(cursor), size)
                .map(rows -> Page.of(rows.stream().map(HistoryItemView::of).toList(), size, HistoryItemView::scoreId));
    }

    private static YearMonth monthCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(cursor);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("cursor", "format", "cursor is not one this API gave out");
        }
    }

    @POST
    @Path("/recompute")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER})
    @Operation(summary = "Recompute now; writes a record and emits events only if something changed")
    public Uni<HealthView> recompute(@PathParam("clientId") UUID clientId) {
        return health.recompute(caller.tenantId(), clientId,
                        EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(current -> HealthView.of(clientId, current.record(), current.alerts(), clock.instant()));
    }

    @POST
    @Path("/what-if")
    @Operation(summary = "Score the client as it would be with extra signals, another model version or segment",
            description = "{signals[] (bulk items; clientId/externalId optional, observedAt default now), "
                    + "modelVersion? (drafts allowed), segment? (A-D)} → the simulated composite, dimensions and "
                    + "explanation beside the current score. Stores nothing, takes no snapshot, emits nothing. A bad "
                    + "signal refuses the call like a bulk item's problem (400/422).")
    public Uni<WhatIfView> whatIf(@PathParam("clientId") UUID clientId, WhatIfView.Request request) {
        WhatIfView.Request body = request == null ? new WhatIfView.Request(null, null, null) : request;
        return whatIf.simulate(caller.tenantId(), clientId, body.signals(), body.modelVersion(), body.segment())
                .map(result -> WhatIfView.of(clientId, result));
    }

    @GET
    @Path("/gates")
    @Operation(summary = "Adoption gates and backup risks: open ones and those cleared in the last 180 days",
            description = "Gates FIX_FIRST / SEQUENCING with their failing insights (coverage, threshold) and override; "
                    + "backup risks SUCCESS_RATE_LOW / NO_RECENT_SUCCESS / RESTORE_TEST_OVERDUE with their values.")
    public Uni<GateViews> gates(@PathParam("clientId") UUID clientId) {
        return gates.recent(caller.tenantId(), clientId).map(GateViews::of);
    }

    /** {@code expiresAt} defaults to 30 days, at most 90. */
    public record OverrideRequest(String reason, Instant expiresAt) {
    }

    @POST
    @Path("/gates/{gateId}/override")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER})
    @Operation(summary = "Override an open gate (CS leader): clears it with clearedBy OVERRIDE",
            description = "reason 10-500 characters; expiresAt at most 90 days ahead (default 30). The insights it "
                    + "covered cannot reopen the gate until they recover or the override expires. 409 gate-not-open.")
    public Uni<GateViews.Gate> override(@PathParam("clientId") UUID clientId, @PathParam("gateId") UUID gateId,
                                        OverrideRequest request) {
        if (request == null) {
            throw ProblemException.invalid("reason", "required", "a body with reason is required");
        }
        return gates.override(caller.tenantId(), clientId, gateId, caller.principalId(), request.reason(),
                        request.expiresAt(), EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(GateViews.Gate::of);
    }
}
