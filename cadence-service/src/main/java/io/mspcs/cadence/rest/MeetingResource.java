package io.mspcs.cadence.rest;

import io.mspcs.cadence.repository.DecisionEntity;
import io.mspcs.cadence.repository.MeetingEntity;
import io.mspcs.cadence.domain.ImportOutcome;
import io.mspcs.cadence.service.MeetingImportService;
import io.mspcs.cadence.service.MeetingService;
import io.mspcs.cadence.service.RadarService;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.rest.ProblemException;
import io.mspcs.contracts.Money;
import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Meetings", description = "Meetings, recaps and decisions that keep a client's cadence")
public class MeetingResource {

    private final MeetingService meetings;
    private final CallerContext caller;
    private final MeetingImportService imports;
    private final RadarService radar;

    public MeetingResource(MeetingService meetings, CallerContext caller, MeetingImportService imports,
                           RadarService radar) {
        this.radar = radar;
        this.imports = imports;
        this.meetings = meetings;
        this.caller = caller;
    }

    public record MeetingView(UUID meetingId, UUID clientId, String meetingType, String title, boolean strategic,
                              String format, Instant scheduledFor, int durationMinutes, boolean confirmed,
                              String ownerRole, UUID ownerMemberId, String source, String externalId, String status,
                              String cancelReason, Instant heldAt, List<String> attendeeRoles,
                              Integer clientAttendeeCount, Boolean decisionMakerPresent, Boolean execSponsorPresent,
                              Instant recapDueAt, RecapView recap, boolean counts, int decisionsCount,
                              UUID cadenceSlotId, List<DecisionView> decisions) {
        static MeetingView of(MeetingEntity m, List<DecisionEntity> decisions) {
            RecapView recap = m.recapRecordedAt == null ? null : new RecapView(m.recapDecided, m.recapWhyNow,
                    m.recapOwnersAndDates, m.recapRisks, m.recapNextCadence, m.recapRecordedAt,
                    Boolean.TRUE.equals(m.recapOnTime));
            return new MeetingView(m.id, m.clientId, m.meetingType, m.title, m.strategic, m.format, m.scheduledFor,
                    m.durationMinutes, m.confirmed, m.ownerRole, m.ownerMemberId, m.source, m.externalId, m.status,
                    m.cancelReason, m.heldAt, m.attendeeRoles == null || m.attendeeRoles.isBlank() ? List.of()
                    : Arrays.asList(m.attendeeRoles.split(",")), m.clientAttendeeCount, m.decisionMakerPresent,
                    m.execSponsorPresent, m.recapDueAt, recap, m.counts, m.decisionsCount, m.cadenceSlotId,
                    decisions == null ? null : decisions.stream().map(DecisionView::of).toList());
        }
    }

    public record RecapView(String decided, String whyNow, String ownersAndDates, String risks, String nextCadence,
                            Instant recordedAt, boolean onTime) {
    }

    public record DecisionView(UUID decisionId, UUID meetingId, UUID clientId, String outcome, String summary,
                               UUID ownerMemberId, UUID ownerContactId, LocalDate dueDate, Money budget,
                               boolean creditGateMet, Instant decidedAt) {
        static DecisionView of(DecisionEntity d) {
            return new DecisionView(d.id, d.meetingId, d.clientId, d.outcome, d.summary, d.ownerMemberId,
                    d.ownerContactId, d.dueDate, d.budgetAmount == null ? null : new Money(d.budgetAmount,
                    d.budgetCurrency), d.creditGateMet, d.decidedAt);
        }
    }

    @POST
    @Path("/clients/{clientId}/meetings")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.MEETINGS_WRITE})
    @Operation(summary = "Schedule a meeting (MeetingScheduled); confirmed unless sent false (a placeholder)")
    public Uni<Response> schedule(@PathParam("clientId") UUID clientId, @Valid @NotNull MeetingRequests.Schedule body) {
        return meetings.schedule(context(), clientId, body)
                .map(m -> Response.status(201).entity(MeetingView.of(m, null)).build());
    }

    /** Per-item results in request order and how many items ended in each outcome. */
    public record BulkResponse(Map<ImportOutcome, Long> summary, List<MeetingImportService.ItemResult> items) {
    }

    @POST
    @Path("/meetings/bulk")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.MEETINGS_WRITE})
    @Operation(summary = "Create or update up to 5,000 PSA/calendar meetings by (source, externalId)",
            description = "Answers per item (CREATED, UPDATED, UNCHANGED, REJECTED with a problem); a rejected item "
                    + "writes nothing. status HELD (with heldAt) records the meeting as held, so it counts for "
                    + "cadence like a recorded one (recap rules apply); CANCELLED needs cancelReason. More than "
                    + "5,000 items or a repeated (source, externalId) refuse the whole batch.")
    public Uni<BulkResponse> bulk(@NotNull MeetingRequests.Bulk body) {
        return imports.importAll(context(), body.items()).map(items -> {
            Map<ImportOutcome, Long> summary = new EnumMap<>(ImportOutcome.class);
            for (ImportOutcome outcome : ImportOutcome.values()) {
                summary.put(outcome, items.stream().filter(item -> item.status() == outcome).count());
            }
            return new BulkResponse(summary, items);
        });
    }

    @GET
    @Path("/clients/{clientId}/meetings")
    @Operation(summary = "A client's meetings, paged; filters from, to (scheduledFor), status, type")
    public Uni<Page<MeetingView>> ofClient(@PathParam("clientId") UUID clientId, @QueryParam("from") Instant from,
                                           @QueryParam("to") Instant to, @QueryParam("status") String status,
                                           @QueryParam("type") String type, @QueryParam("limit") Integer limit,
                                           @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return meetings.page(caller.tenantId(), clientId, from, to, status, type, null, null, Page.uuidCursor(cursor),
                size).map(list -> page(list, size));
    }

    @GET
    @Path("/meetings")
    @Operation(summary = "The tenant's meetings, paged; filters ownerMemberId, from, to, confirmed")
    public Uni<Page<MeetingView>> list(@QueryParam("ownerMemberId") UUID owner, @QueryParam("from") Instant from,
                                       @QueryParam("to") Instant to, @QueryParam("confirmed") Boolean confirmed,
                                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return meetings.page(caller.tenantId(), null, from, to, null, null, owner, confirmed, Page.uuidCursor(cursor),
                size).map(list -> page(list, size));
    }

    @GET
    @Path("/meetings/radar")
    @Operation(summary = "Cadence radar: open slots past their due date and the 30-day coverage KPI",
            description = "Filters segment (A-D) and ownerMemberId (the line's owner). coverage = open slots due "
                    + "within 30 days with a confirmed meeting; uncovered lists those without one.")
    public Uni<RadarService.Radar> radar(@QueryParam("segment") String segment,
                                         @QueryParam("ownerMemberId") String ownerMemberId) {
        if (segment != null && Segment.parse(segment).isEmpty()) {
            throw ProblemException.invalid("segment", "unknown-value", "segment must be one of A, B, C, D");
        }
        UUID owner = null;
        if (ownerMemberId != null) {
            try {
                owner = UUID.fromString(ownerMemberId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("ownerMemberId", "format", "ownerMemberId is not a UUID");
            }
        }
        return radar.radar(caller.tenantId(), segment, owner);
    }

    @GET
    @Path("/meetings/decisions")
    @Operation(summary = "The decision log, paged; filters clientId, outcome, creditGateMet")
    public Uni<Page<DecisionView>> decisions(@QueryParam("clientId") UUID clientId,
                                             @QueryParam("outcome") String outcome,
                                             @QueryParam("creditGateMet") Boolean gate,
                                             @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return meetings.decisionLog(caller.tenantId(), clientId, outcome, gate, Page.uuidCursor(cursor), size)
                .map(list -> Page.of(list.stream().map(DecisionView::of).toList(), size, DecisionView::decisionId));
    }

    @GET
    @Path("/meetings/{meetingId}")
    @Operation(summary = "One meeting with its recap and decisions")
    public Uni<MeetingView> get(@PathParam("meetingId") UUID meetingId) {
        return meetings.get(caller.tenantId(), meetingId).map(found -> MeetingView.of(found.meeting(), found.decisions()));
    }

    @PATCH
    @Path("/meetings/{meetingId}")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.MEETINGS_WRITE})
    @Operation(summary = "Reschedule, confirm or re-own a scheduled meeting (MeetingScheduled when it changed)")
    public Uni<MeetingView> patch(@PathParam("meetingId") UUID meetingId, @Valid @NotNull MeetingRequests.Patch body) {
        return meetings.patch(context(), meetingId, body).map(m -> MeetingView.of(m, null));
    }

    @POST
    @Path("/meetings/{meetingId}/held")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.MEETINGS_WRITE})
    @Operation(summary = "Record the meeting as held (MeetingHeld); the recap is due 48 h after heldAt")
    public Uni<MeetingRequests.HeldResult> held(@PathParam("meetingId") UUID meetingId,
                                                @Valid @NotNull MeetingRequests.Held body) {
        return meetings.held(context(), meetingId, body);
    }

    @POST
    @Path("/meetings/{meetingId}/recap")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.MEETINGS_WRITE})
    @Operation(summary = "Write the recap, once (RecapRecorded); an on-time recap makes the meeting count")
    public Uni<Response> recap(@PathParam("meetingId") UUID meetingId, @Valid @NotNull MeetingRequests.Recap body) {
        return meetings.recap(context(), meetingId, body).map(r -> Response.status(201).entity(r).build());
    }

    @POST
    @Path("/meetings/{meetingId}/decisions")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.MEETINGS_WRITE})
    @Operation(summary = "Record a decision (DecisionRecorded); at most 2 per meeting (409 decision-limit)")
    public Uni<Response> decide(@PathParam("meetingId") UUID meetingId, @Valid @NotNull MeetingRequests.Decision body) {
        return meetings.decide(context(), meetingId, body).map(d -> Response.status(201)
                .entity(new MeetingRequests.DecisionResult(d.id, d.creditGateMet)).build());
    }

    @POST
    @Path("/meetings/{meetingId}/cancel")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.MEETINGS_WRITE})
    @Operation(summary = "Cancel a scheduled meeting: CANCELLED_BY_CLIENT, CANCELLED_BY_MSP or NO_SHOW (MeetingCancelled)")
    public Uni<MeetingView> cancel(@PathParam("meetingId") UUID meetingId, @Valid @NotNull MeetingRequests.Cancel body) {
        return meetings.cancel(context(), meetingId, body).map(m -> MeetingView.of(m, null));
    }

    private EventContext context() {
        return EventContext.ofRequest(caller.tenantId(), caller.correlationId());
    }

    private static Page<MeetingView> page(List<MeetingEntity> list, int size) {
        return Page.of(list.stream().map(m -> MeetingView.of(m, null)).toList(), size, MeetingView::meetingId);
    }
}
