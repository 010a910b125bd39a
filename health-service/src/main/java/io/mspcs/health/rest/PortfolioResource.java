package io.mspcs.health.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mspcs.health.domain.Dimension;
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
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/health/portfolio")
@Tag(name = "Portfolio", description = "Clients by colour and segment, worst first, and the portfolio summary")
public class PortfolioResource {

    private static final Set<String> COLORS = Set.of("GREEN", "YELLOW", "RED");
    private static final Set<String> GATES = Set.of("FIX_FIRST", "SEQUENCING");

    private final PortfolioService portfolio;
    private final CallerContext caller;

    public PortfolioResource(PortfolioService portfolio, CallerContext caller) {
        this.portfolio = portfolio;
        this.caller = caller;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID clientId, String name, String segment, BigDecimal composite, String color,
                       Map<String, Map<String, Object>> dimensions, int openGates, int backupRisks, Instant dataAsOf,
                       Instant scoredAt) {
    }

    @GET
    @Operation(summary = "Clients worst first: RED, YELLOW, GREEN, no colour; then score ascending, then clientId",
            description = "dimension (COMPOSITE default, or CX, ADOPTION, ENGAGEMENT, SERVICE_QUALITY, ALIGNMENT) is the "
                    + "one ordered and filtered by color (GREEN, YELLOW, RED). Filters: segment, gate (FIX_FIRST or "
                    + "SEQUENCING: an open gate of that kind), stale=true (dataAsOf older than 30 days).")
    public Uni<OffsetPage<Item>> page(@QueryParam("dimension") String dimension, @QueryParam("color") String color,
                                   @QueryParam("segment") String segment, @QueryParam("gate") String gate,
                                   @QueryParam("stale") Boolean stale, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor) {
        if (color != null && !COLORS.contains(color)) {
            throw ProblemException.invalid("color", "unknown", "color must be GREEN, YELLOW or RED");
        }
        if (gate != null && !GATES.contains(gate)) {
            throw ProblemException.invalid("gate", "unknown", "gate must be FIX_FIRST or SEQUENCING");
        }
        String asked = dimension == null || dimension.isBlank() ? PortfolioService.COMPOSITE : dimension;
        if (!asked.equals(PortfolioService.COMPOSITE)
                && Arrays.stream(Dimension.values()).noneMatch(d -> d.name().equals(asked))) {
            throw ProblemException.invalid("dimension", "unknown", "dimension must be COMPOSITE or a dimension");
        }
        int size = Page.limit(limit);
        int offset = QueryParams.offset(cursor);
        return portfolio.page(caller.tenantId(), new PortfolioService.Filter(asked, color, segment, gate,
                        Boolean.TRUE.equals(stale)), offset, size + 1)
                .map(rows -> OffsetPage.of(rows.stream().map(r -> new Item(r.clientId(), r.name(), r.segment(),
                        r.composite(), r.color(), PortfolioService.scores(r.dimensions()), r.openGates(),
                        r.backupRisks(), r.dataAsOf(), r.scoredAt())).toList(), offset, size));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Counts: clients by segment × composite colour, by composite band (0-20 … 81-100), incomplete",
            description = "NONE stands for no segment or no colour. A composite between two bands' integers "
                    + "(20.50) counts in the lower band; clients without a complete composite count as incomplete.")
    public Uni<PortfolioService.Summary> summary() {
        return portfolio.summary(caller.tenantId());
    }
}
