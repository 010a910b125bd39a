package io.mspcs.health.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mspcs.health.service.PortfolioService;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/health/portfolio")
@Tag(name = "Portfolio", description = "Clients by composite colour and segment, worst first")
public class PortfolioResource {

    private static final Set<String> COLORS = Set.of("GREEN", "YELLOW", "RED");

    private final PortfolioService portfolio;
    private final CallerContext caller;

    public PortfolioResource(PortfolioService portfolio, CallerContext caller) {
        this.portfolio = portfolio;
        this.caller = caller;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID clientId, String name, String segment, BigDecimal composite, String color, Instant dataAsOf,
                       Instant scoredAt) {
    }

    /** The cursor is the offset of the next page (the order has ties only on clientId, which is unique). */
    public record PortfolioPage(List<Item> items, String nextCursor) {
    }

    @GET
    @Operation(summary = "Clients worst first: RED, YELLOW, GREEN, no colour; then composite ascending, then clientId",
            description = "Filters: color (GREEN, YELLOW, RED), segment, stale=true (dataAsOf older than 30 days).")
    public Uni<PortfolioPage> page(@QueryParam("color") String color, @QueryParam("segment") String segment,
                                   @QueryParam("stale") Boolean stale, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor) {
        if (color != null && !COLORS.contains(color)) {
            throw ProblemException.invalid("color", "unknown", "color must be GREEN, YELLOW or RED");
        }
        int size = Page.limit(limit);
        int offset = offset(cursor);
        return portfolio.page(caller.tenantId(), color, segment, Boolean.TRUE.equals(stale), offset, size + 1)
                .map(rows -> {
                    List<Item> items = rows.stream().limit(size).map(r -> new Item(r.clientId(), r.name(), r.segment(),
                            r.composite(), r.color(), r.dataAsOf(), r.scoredAt())).toList();
                    return new PortfolioPage(items, rows.size() > size ? String.valueOf(offset + size) : null);
                });
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(cursor);
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "type", "cursor is not one this API returned");
        }
    }
}
