package io.mspcs.segmentation.rest;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.mspcs.segmentation.domain.HistoryEntry;
import io.mspcs.segmentation.domain.Segment;
import io.mspcs.segmentation.repository.JsonColumns;
import io.mspcs.segmentation.service.ClientQueryService;
import io.mspcs.segmentation.service.OverrideService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/segment")
@Tag(name = "Segments", description = "Segment A–D of a client, its history and overrides")
public class SegmentResource {

    private final ClientQueryService queries;
    private final OverrideService overrides;
    private final CallerContext caller;
    private final Clock clock;

    public SegmentResource(ClientQueryService queries, OverrideService overrides, CallerContext caller, Clock clock) {
        this.queries = queries;
        this.overrides = overrides;
        this.caller = caller;
        this.clock = clock;
    }

    public record OverrideBody(String segment, String reason, Instant expiresAt, Boolean acknowledgeFreeze) {
    }

    /** One history entry with the cursor field. */
    public record HistoryItem(int seq, HistoryEntry entry) {
    }

    @GET
    @Operation(summary = "The client's segment with its explanation",
            description = "Effective segment, basis, computed segment, axes and levels, quadrant, goal level, MRR band, "
                    + "reason, hold, freeze, promotion, investment and the contributions behind each axis.")
    public Uni<SegmentView> get(@PathParam("clientId") UUID clientId) {
        return queries.getWithPolicy(caller.tenantId(), clientId).map(found -> {
            var details = found.getKey();
            if (details.segment() == null) {
                throw ProblemException.notFound("Segment of client " + clientId);
            }
            return SegmentView.of(clientId, details.segment().assignment(), details.segment().clientSignals(),
                    found.getValue(), clock.instant());
        });
    }

    @GET
    @Path("/history")
    @Operation(summary = "The client's segment history, newest first, paged (cursor = seq)")
    public Uni<Page<HistoryEntry>> history(@PathParam("clientId") UUID clientId, @QueryParam("limit") Integer limit,
                                           @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        Integer before;
        try {
            before = cursor == null || cursor.isBlank() ? null : Integer.valueOf(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "format", "cursor is not one this API gave out");
        }
        return queries.history(caller.tenantId(), clientId, before, size).map(rows -> {
            List<HistoryEntry> entries = rows.stream().map(r -> JsonColumns.read(r.entry, HistoryEntry.class)).toList();
            String next = entries.size() == size ? String.valueOf(entries.get(entries.size() - 1).seq()) : null;
            return new Page<>(entries, next);
        });
    }

    @PUT
    @Path("/override")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Set or replace the client's segment override",
            description = "Needs a reason (≤ 500 chars); expiresAt must be in the future. A downgrade during a freeze "
                    + "answers 409 downgrade-frozen unless acknowledgeFreeze is true. Emits SegmentOverridden, then "
                    + "SegmentChanged when the letter changes.")
    public Uni<SegmentView> setOverride(@PathParam("clientId") UUID clientId, @NotNull OverrideBody body) {
        if (body.reason() == null) {
            throw ProblemException.invalid("reason", "required", "An override needs a reason");
        }
        if (body.reason().isBlank()) {
            throw ProblemException.invalid("reason", "blank", "An override needs a reason");
        }
        if (body.reason().length() > 500) {
            throw ProblemException.invalid("reason", "size", "The reason has at most 500 characters");
        }
        if (body.segment() == null) {
            throw ProblemException.invalid("segment", "required", "segment is required");
        }
        Segment segment = ClientResource.enumValue(Segment.class, body.segment(), "segment");
        var request = new OverrideService.OverrideRequest(segment, body.reason().strip(), body.expiresAt(),
                Boolean.TRUE.equals(body.acknowledgeFreeze()));
        return overrides.set(caller.tenantId(), clientId, request, caller.principalId(), context())
                .chain(() -> get(clientId));
    }

    @DELETE
    @Path("/override")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Remove the client's override; the computed segment applies unless a freeze holds a downgrade")
    public Uni<Void> removeOverride(@PathParam("clientId") UUID clientId, @QueryParam("reason") String reason) {
        return overrides.remove(caller.tenantId(), clientId, caller.principalId(), context()).replaceWithVoid();
    }

    private EventContext context() {
        return EventContext.ofRequest(caller.tenantId(), caller.correlationId());
    }
}
