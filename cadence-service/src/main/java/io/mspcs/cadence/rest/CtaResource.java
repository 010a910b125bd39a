package io.mspcs.cadence.rest;

import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.CtaStatus;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaFilter;
import io.mspcs.cadence.domain.Digest;
import io.mspcs.cadence.service.AlertService;
import io.mspcs.cadence.service.CtaQueryService;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import io.mspcs.cadence.service.CtaWorkService;
import io.mspcs.outbox.EventContext;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "CTAs", description = "Calls to action raised by trigger rules, with owner, SLA and cause chain")
public class CtaResource {

    /** Without a status filter a list shows the open CTAs (cadence.md §8.3). */
    private static final Set<CtaStatus> OPEN = EnumSet.of(CtaStatus.OPEN, CtaStatus.IN_PROGRESS, CtaStatus.SNOOZED);

    private final CtaQueryService queries;
    private final CtaWorkService work;
    private final CallerContext caller;
    private final AlertService alerts;

    public CtaResource(CtaQueryService queries, CtaWorkService work, CallerContext caller, AlertService alerts) {
        this.alerts = alerts;
        this.queries = queries;
        this.work = work;
        this.caller = caller;
    }

    @POST
    @Path("/clients/{clientId}/ctas")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Open a CTA by hand (source MANUAL, dedupe key {clientId}:MANUAL:{ctaId}); CtaOpened")
    public Uni<Response> create(@PathParam("clientId") UUID clientId, @Valid @NotNull CtaRequests.Manual body) {
        return work.createManual(context(), actor(), clientId, body)
                .map(cta -> Response.status(201).entity(CtaViews.CtaSummary.of(cta)).build());
    }

    @PATCH
    @Path("/ctas/{ctaId}")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Change status (OPEN, IN_PROGRESS), priority, dueAt (re-arms DUE_DATE) or title; CtaUpdated")
    public Uni<CtaViews.CtaSummary> patch(@PathParam("ctaId") UUID ctaId, @Valid @NotNull CtaRequests.Patch body) {
        return work.patch(context(), actor(), ctaId, body).map(CtaViews.CtaSummary::of);
    }

    @POST
    @Path("/ctas/{ctaId}/activities")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Log a note, call or e-mail (a first action; OPEN moves to IN_PROGRESS)")
    public Uni<CtaViews.CtaSummary> activity(@PathParam("ctaId") UUID ctaId,
                                             @Valid @NotNull CtaRequests.Activity body) {
        return work.activity(context(), actor(), ctaId, body).map(CtaViews.CtaSummary::of);
    }

    @POST
    @Path("/ctas/{ctaId}/snooze")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Snooze until a date ≤ 90 days ahead (wakes 08:00 local); repeats are stored silently, "
            + "escalations wait for the wake. Owner, backup or CS leader (403 not-owner)")
    public Uni<CtaViews.CtaSummary> snooze(@PathParam("ctaId") UUID ctaId, @Valid @NotNull CtaRequests.Snooze body) {
        return work.snooze(context(), actor(), ctaId, body).map(CtaViews.CtaSummary::of);
    }

    @POST
    @Path("/ctas/{ctaId}/wake")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "End a snooze now (back to the previous status)")
    public Uni<CtaViews.CtaSummary> wake(@PathParam("ctaId") UUID ctaId) {
        return work.wake(context(), actor(), ctaId).map(CtaViews.CtaSummary::of);
    }

    @POST
    @Path("/ctas/{ctaId}/assign")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Give the CTA to a member (CS leader or the owner)")
    public Uni<CtaViews.CtaSummary> assign(@PathParam("ctaId") UUID ctaId, @Valid @NotNull CtaRequests.Assign body) {
        return work.assign(context(), actor(), ctaId, body).map(CtaViews.CtaSummary::of);
    }

    @POST
    @Path("/ctas/{ctaId}/close")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Close DONE (resolved) or CANCELLED (dismissed; reasonCode, optional suppressDays ≤ 90)")
    public Uni<CtaViews.CtaSummary> close(@PathParam("ctaId") UUID ctaId, @Valid @NotNull CtaRequests.Close body) {
        return work.close(context(), actor(), ctaId, body).map(CtaViews.CtaSummary::of);
    }

    @POST
    @Path("/ctas/{ctaId}/escalate")
    @RolesAllowed({Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Roles.AM, Scopes.CTAS_WRITE})
    @Operation(summary = "Escalate by hand (MANUAL; level +1, priority one step up); CtaEscalated then CtaUpdated")
    public Uni<CtaViews.CtaSummary> escalate(@PathParam("ctaId") UUID ctaId, @Valid @NotNull CtaRequests.Escalate body) {
        return work.escalate(context(), actor(), ctaId, body).map(CtaViews.CtaSummary::of);
    }

    private EventContext context() {
        return EventContext.ofRequest(caller.tenantId(), caller.correlationId());
    }

    private CtaWorkService.Actor actor() {
        UUID member;
        try {
            member = caller.principalId() == null ? null : UUID.fromString(caller.principalId());
        } catch (IllegalArgumentException e) {
            member = null;
        }
        return new CtaWorkService.Actor(member, caller.roles());
    }

    @GET
    @Path("/ctas")
    @Operation(summary = "List the tenant's CTAs, paged",
            description = "Filters: clientId, status (comma-separated OPEN, IN_PROGRESS, SNOOZED, CLOSED; default "
                    + "the open ones), kind. Ordered by id; nextCursor continues the list.")
    public Uni<Page<CtaViews.CtaSummary>> list(@QueryParam("clientId") String clientId,
                                               @QueryParam("status") String status,
                                               @QueryParam("kind") String kind,
                                               @QueryParam("limit") Integer limit,
                                               @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        CtaFilter filter = new CtaFilter(clientId == null ? null : uuid("clientId", clientId), statuses(status), kind(kind));
        return queries.page(caller.tenantId(), filter, Page.uuidCursor(cursor), size).map(ctas -> page(ctas, size));
    }

    @GET
    @Path("/clients/{clientId}/ctas")
    @Operation(summary = "List one client's CTAs, paged (404 for a client the tenant does not have)",
            description = "Same filters as GET /ctas.")
    public Uni<Page<CtaViews.CtaSummary>> listOfClient(@PathParam("clientId") UUID clientId,
                                                       @QueryParam("status") String status,
                                                       @QueryParam("kind") String kind,
                                                       @QueryParam("limit") Integer limit,
                                                       @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        CtaFilter filter = new CtaFilter(clientId, statuses(status), kind(kind));
        return queries.pageOfClient(caller.tenantId(), filter, Page.uuidCursor(cursor), size).map(ctas -> page(ctas, size));
    }

    @GET
    @Path("/ctas/digest")
    @Operation(summary = "A member's CTA digest of a date (cadence.md §5.7): the content of its CtaDigestReady",
            description = "memberId and date (YYYY-MM-DD, tenant zone) are required. Once the digest of that date "
                    + "was emitted, its items and budget use; before, what it holds so far. One item per CTA, "
                    + "at most 100.")
    public Uni<Digest> digest(@QueryParam("memberId") String memberId, @QueryParam("date") String date) {
        if (memberId == null || memberId.isBlank()) {
            throw ProblemException.invalid("memberId", "required", "memberId is required");
        }
        if (date == null || date.isBlank()) {
            throw ProblemException.invalid("date", "required", "date is required");
        }
        UUID member = uuid("memberId", memberId);
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "invalid-date", "date must be YYYY-MM-DD");
        }
        return alerts.digestOf(caller.tenantId(), member, day);
    }

    @GET
    @Path("/ctas/{ctaId}")
    @Operation(summary = "One CTA with its cause chain, reason, SLA and owner (404 for any other tenant's id)")
    public Uni<CtaViews.CtaDetail> get(@PathParam("ctaId") UUID ctaId) {
        return queries.get(caller.tenantId(), ctaId).map(CtaViews.CtaDetail::of);
    }

    private static Page<CtaViews.CtaSummary> page(List<CtaEntity> ctas, int size) {
        return Page.of(ctas.stream().map(CtaViews.CtaSummary::of).toList(), size, CtaViews.CtaSummary::ctaId);
    }

    private static Set<CtaStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return OPEN;
        }
        Set<CtaStatus> statuses = EnumSet.noneOf(CtaStatus.class);
        for (String value : status.split(",")) {
            statuses.add(enumValue(CtaStatus.class, "status", value));
        }
        return statuses;
    }

    private static CtaKind kind(String kind) {
        return kind == null || kind.isBlank() ? null : enumValue(CtaKind.class, "kind", kind);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "unknown-value",
                        field + " must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "format", field + " is not a UUID");
        }
    }
}
