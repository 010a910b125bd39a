package io.mspcs.segmentation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.mspcs.segmentation.domain.ClientProfileInput;
import io.mspcs.segmentation.domain.ClientStatus;
import io.mspcs.segmentation.domain.MrrBand;
import io.mspcs.segmentation.domain.Segment;
import io.mspcs.segmentation.domain.UpsertOutcome;
import io.mspcs.segmentation.service.BulkUpsertResult;
import io.mspcs.segmentation.service.ClientQueryService;
import io.mspcs.segmentation.service.ClientRegistryService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

@Path("/api/v1/clients")
@Tag(name = "Clients", description = "The client registry, keyed by PSA identity")
public class ClientResource {

    private final ClientRegistryService registry;
    private final ClientQueryService queries;
    private final CallerContext caller;

    public ClientResource(ClientRegistryService registry, ClientQueryService queries, CallerContext caller) {
        this.registry = registry;
        this.queries = queries;
        this.caller = caller;
    }

    /** {@code clientId} repeats {@code id} for callers of the first slice. */
    public record BulkItemResult(int index, String source, String externalId, UpsertOutcome status, UUID id,
                                 UUID clientId, List<String> changedFields, Boolean stale, Problem problem) {
    }

    public record BulkResponse(Map<String, Long> summary, List<BulkItemResult> items) {
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.AM, Scopes.CLIENTS_WRITE})
    @Operation(summary = "Create or update up to 5,000 clients by (source, externalId)",
            description = "Answers per item (CREATED, UPDATED, UNCHANGED, REJECTED with a problem); each item is "
                    + "all-or-nothing and on update only the fields sent change. A repeated (source, externalId) or more "
                    + "than 5,000 items refuse the whole batch. Events only when something changed.")
    public Uni<BulkResponse> bulkUpsert(@NotNull ClientBulkRequest request) {
        if (request.items() == null) {
            throw ProblemException.invalid("items", "required", "items is required");
        }
        if (request.items().size() > ClientRegistryService.BULK_LIMIT) {
            throw new ProblemException(400, "bulk-limit-exceeded", "Too many items",
                    "At most " + ClientRegistryService.BULK_LIMIT + " items per call",
                    List.of(new Problem.FieldError("items", "size")));
        }
        List<ClientProfileInput> inputs = IntStream.range(0, request.items().size())
                .mapToObj(i -> ClientItemParser.parse("items[" + i + "].", request.items().get(i), request.source()))
                .toList();
        return registry.bulkUpsert(inputs, context()).map(ClientResource::response);
    }

    @GET
    @Operation(summary = "List the tenant's clients, paged",
            description = "Filters: segment (repeatable), mrrBand, ownerId (+ownerRole), status (default ACTIVE, ALL for "
                    + "every status), provisional, source (+externalId: lookup by PSA id), missingRole, q (name).")
    public Uni<Page<ClientView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                      @QueryParam("segment") List<String> segment, @QueryParam("mrrBand") String mrrBand,
                                      @QueryParam("ownerId") UUID ownerId, @QueryParam("ownerRole") String ownerRole,
                                      @QueryParam("status") String status, @QueryParam("provisional") Boolean provisional,
                                      @QueryParam("source") String source, @QueryParam("externalId") String externalId,
                                      @QueryParam("missingRole") String missingRole, @QueryParam("q") String q) {
        int size = Page.limit(limit);
        List<String> segments = segment == null ? List.of() : segment.stream()
                .flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
        segments.forEach(s -> enumValue(Segment.class, s, "segment"));
        if (mrrBand != null) {
            enumValue(MrrBand.class, mrrBand, "mrrBand");
        }
        if (status != null && !"ALL".equals(status)) {
            enumValue(ClientStatus.class, status, "status");
        }
        for (String role : new String[]{ownerRole, missingRole}) {
            if (role != null) {
                enumValue(io.mspcs.segmentation.domain.TeamRole.class, role, role.equals(ownerRole) ? "ownerRole" : "missingRole");
            }
        }
        var filter = new ClientQueryService.Filter(Set.copyOf(segments), mrrBand, ownerId, ownerRole, status, provisional,
                source, externalId, missingRole, q);
        return queries.list(caller.tenantId(), filter, Page.uuidCursor(cursor), size)
                .map(found -> Page.of(found.stream().map(ClientView::of).toList(), size, ClientView::id));
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "One client: registry fields, contacts, segment summary and owners (404 for another tenant's id)")
    public Uni<ClientView> get(@PathParam("clientId") UUID clientId) {
        return queries.get(caller.tenantId(), clientId).map(ClientView::of);
    }

    @PATCH
    @Path("/{clientId}")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.AM, Scopes.CLIENTS_WRITE})
    @Operation(summary = "Merge-patch a client's registry fields",
            description = "source and externalId are immutable; null clears an optional field; contacts replace the list. "
                    + "Emits ClientUpdated only when something changed; MRR or status changes re-place the client.")
    public Uni<ClientView> patch(@PathParam("clientId") UUID clientId, @NotNull JsonNode body) {
        List<Problem.FieldError> immutable = new ArrayList<>();
        for (String field : List.of("source", "externalId", "id")) {
            if (body.has(field)) {
                immutable.add(new Problem.FieldError(field, "immutable"));
            }
        }
        if (!immutable.isEmpty()) {
            throw ProblemException.invalid("source, externalId and id cannot change", immutable);
        }
        ClientProfileInput input = ClientItemParser.parse("", body, null);
        return registry.patch(caller.tenantId(), clientId, input, context())
                .chain(() -> queries.get(caller.tenantId(), clientId)).map(ClientView::of);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "enum", field + " has no value " + value);
        }
    }

    private EventContext context() {
        return EventContext.ofRequest(caller.tenantId(), caller.correlationId());
    }

    private static BulkResponse response(BulkUpsertResult result) {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("received", (long) result.items().size());
        for (UpsertOutcome outcome : UpsertOutcome.values()) {
            summary.put(outcome.name().toLowerCase(), result.count(outcome));
        }
        return new BulkResponse(summary, result.items().stream().map(ClientResource::itemResult).toList());
    }

    private static BulkItemResult itemResult(BulkUpsertResult.Item item) {
        Problem problem = item.violations().isEmpty() ? null : new Problem("/problems/validation-failed",
                "Item is invalid", 400, item.violations().size() + " field(s) invalid", null,
                item.violations().stream().map(v -> new Problem.FieldError(v.field(), v.code())).toList(), null);
        return new BulkItemResult(item.index(), item.source(), item.externalId(), item.outcome(), item.clientId(),
                item.clientId(), item.changedFields().isEmpty() ? null : item.changedFields(), item.stale() ? true : null,
                problem);
    }
}
