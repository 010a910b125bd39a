package io.mspcs.segmentation.rest;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.segmentation.domain.UpsertOutcome;
import io.mspcs.segmentation.service.BulkUpsertResult;
import io.mspcs.segmentation.service.ClientRegistryService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/clients")
@Tag(name = "Clients", description = "The client registry, keyed by PSA identity")
public class ClientResource {

    private final ClientRegistryService registry;
    private final CallerContext caller;

    public ClientResource(ClientRegistryService registry, CallerContext caller) {
        this.registry = registry;
        this.caller = caller;
    }

    public record BulkItemResult(int index, String externalId, UpsertOutcome status, UUID clientId, Problem problem) {
    }

    public record BulkResponse(Map<String, Long> summary, List<BulkItemResult> items) {
    }

    @POST
    @Path("/bulk")
    @Operation(summary = "Create or update up to 5,000 clients by (source, externalId)",
            description = "Answers per item; invalid items are rejected with a problem, valid ones are kept. "
                    + "A repeat of the same batch changes nothing and emits no event.")
    public Uni<BulkResponse> bulkUpsert(@Valid @NotNull ClientBulkRequest request) {
        if (request.items().size() > ClientRegistryService.BULK_LIMIT) {
            throw new ProblemException(400, "bulk-limit-exceeded", "Too many items",
                    "At most " + ClientRegistryService.BULK_LIMIT + " items per call",
                    List.of(new Problem.FieldError("items", "size")));
        }
        return registry.bulkUpsert(request.source(), request.items().stream().map(ClientBulkRequest.Item::toInput).toList(),
                        EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(ClientResource::response);
    }

    @GET
    @Operation(summary = "List the tenant's clients, paged")
    public Uni<Page<ClientView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return registry.page(caller.tenantId(), Page.uuidCursor(cursor), size)
                .map(clients -> Page.of(clients.stream().map(ClientView::of).toList(), size, ClientView::clientId));
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "One client of the tenant (404 for any other tenant's id)")
    public Uni<ClientView> get(@PathParam("clientId") UUID clientId) {
        return registry.get(caller.tenantId(), clientId).map(ClientView::of);
    }

    private static BulkResponse response(BulkUpsertResult result) {
        Map<String, Long> summary = new java.util.LinkedHashMap<>();
        summary.put("received", (long) result.items().size());
        for (UpsertOutcome outcome : UpsertOutcome.values()) {
            summary.put(outcome.name().toLowerCase(), result.count(outcome));
        }
        return new BulkResponse(summary, result.items().stream().map(ClientResource::itemResult).toList());
    }

    private static BulkItemResult itemResult(BulkUpsertResult.Item item) {
        Problem problem = item.violations().isEmpty() ? null : new Problem("/problems/validation-failed",
                "Item is invalid", 422, item.violations().size() + " field(s) invalid", null,
                item.violations().stream().map(v -> new Problem.FieldError(v.field(), v.code())).toList(), null);
        return new BulkItemResult(item.index(), item.externalId(), item.outcome(), item.clientId(), problem);
    }
}
