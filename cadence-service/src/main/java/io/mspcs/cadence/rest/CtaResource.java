package io.mspcs.cadence.rest;

import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.CtaStatus;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaFilter;
import io.mspcs.cadence.service.CtaQueryService;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    private final CallerContext caller;

    public CtaResource(CtaQueryService queries, CallerContext caller) {
        this.queries = queries;
        this.caller = caller;
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
