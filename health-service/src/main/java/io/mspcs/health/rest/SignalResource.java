package io.mspcs.health.rest;

import io.mspcs.health.service.SignalIngestService;
import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import io.mspcs.health.domain.SignalType;
import io.mspcs.health.repository.SignalQueries;
import io.mspcs.health.service.SignalQueryService;
import io.mspcs.rest.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;

@Path("/api/v1/signals")
@Tag(name = "Signals", description = "PSA/RMM signals pushed in bulk")
public class SignalResource {

    private final SignalIngestService ingest;
    private final SignalQueryService queries;
    private final CallerContext caller;

    public SignalResource(SignalIngestService ingest, SignalQueryService queries, CallerContext caller) {
        this.ingest = ingest;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Raw signals of one client, newest event time first",
            description = "clientId is required; type narrows to one signal type; from (inclusive) and to (exclusive) "
                    + "bound the event time (observedAt, closedAt for tickets, dueAt for milestones). Paged with "
                    + "limit (50, max 500) and cursor.")
    public Uni<OffsetPage<SignalQueries.SignalRow>> list(@QueryParam("clientId") String clientId, @QueryParam("type") String type,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        UUID client = QueryParams.uuid("clientId", clientId, true);
        if (type != null && SignalType.parse(type) == null) {
            throw ProblemException.invalid("type", "unknown", "type is not a signal type");
        }
        int size = Page.limit(limit);
        int offset = QueryParams.offset(cursor);
        return queries.page(caller.tenantId(), client, type, QueryParams.instant("from", from),
                        QueryParams.instant("to", to), offset, size + 1)
                .map(rows -> OffsetPage.of(rows, offset, size));
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.ADMIN, Scopes.SIGNALS_WRITE})
    @Operation(summary = "Ingest up to 5,000 signals, with one result per item",
            description = "Each item names its client by clientId or by the registry key client {source, externalId}. "
                    + "Items are upserted by (source, type, externalId): same values → UNCHANGED, newer observation → "
                    + "UPDATED, older observation → UNCHANGED with stale=true (never overwrites). Invalid items are "
                    + "REJECTED with their own problem while the valid ones are stored. The batch emits one "
                    + "health.SignalsIngested.v1 per client (and health.ComplaintLogged.v1 per new complaint); "
                    + "the clients are re-scored right after the commit. A batch that is empty, has more than 5,000 "
                    + "items or repeats a (type, externalId) is refused whole (400).")
    public Uni<BulkSignalsView> bulk(@HeaderParam("X-Received-At") String receivedAt, BulkSignalsRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "required", "A JSON body with source and items is required");
        }
        return ingest.ingest(request.source(), request.items(), receivedAt(receivedAt),
                        EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(BulkSignalsView::of);
    }

    /** The gateway's receipt stamp; unreadable or absent → the service's own clock. */
    private static Instant receivedAt(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(header.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
