package io.mspcs.health.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mspcs.health.domain.CatalogRules;
import io.mspcs.health.domain.Insight;
import io.mspcs.health.repository.DmiCatalogEntity;
import io.mspcs.health.service.DmiCatalogVersionService;
import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/dmi-catalog")
@Tag(name = "DMI catalogue", description = "Versioned DMI insight catalogue: draft, insights, publish")
public class DmiCatalogResource {

    private final DmiCatalogVersionService catalogs;
    private final CallerContext caller;

    public DmiCatalogResource(DmiCatalogVersionService catalogs, CallerContext caller) {
        this.catalogs = catalogs;
        this.caller = caller;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionView(int version, String status, Integer basedOnVersion, String changeNote,
                              Instant publishedAt, String publishedBy, Integer insightChanges, List<Insight> insights) {

        static VersionView of(DmiCatalogEntity c, List<Insight> insights) {
            return new VersionView(c.catalogVersion, c.status, c.basedOnVersion, c.changeNote, c.publishedAt,
                    c.publishedBy, c.insightChanges, insights);
        }

        static VersionView of(DmiCatalogVersionService.Version version) {
            return of(version.catalog(), version.insights());
        }
    }

    public record VersionList(List<VersionView> items) {
    }

    /** {@code basedOnVersion} (default: the active version) or the full {@code insights} list. */
    public record DraftRequest(Integer basedOnVersion, List<CatalogRules.Draft> insights) {
    }

    public record PublishRequest(String changeNote) {
    }

    public record PublishedView(int version, String status, Integer previousVersion, int insightChanges,
                                int rescoreQueued, List<String> warnings) {
    }

    @GET
    @Operation(summary = "The active (published) catalogue version with its insights")
    public Uni<VersionView> active() {
        return catalogs.active(caller.tenantId()).map(VersionView::of);
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every catalogue version, newest first (without insights)")
    public Uni<VersionList> versions() {
        return catalogs.versions(caller.tenantId())
                .map(list -> new VersionList(list.stream().map(c -> VersionView.of(c, null)).toList()));
    }

    @GET
    @Path("/versions/{version}")
    @Operation(summary = "One catalogue version with its insights")
    public Uni<VersionView> version(@PathParam("version") int version) {
        return catalogs.version(caller.tenantId(), version).map(VersionView::of);
    }

    @PUT
    @Path("/draft")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Create or replace the draft from a version (basedOnVersion, default the active one) or a full list",
            description = "Insight: code ^[A-Z][A-Z0-9_]{1,39}$, name ≤ 100, definition ≤ 500, dataSource ≤ 200, category, "
                    + "weight 1-5, target 0.01-1, tier 1|2, gateThreshold?, signalType (a coverage signal type or MANUAL), "
                    + "active (default true). At most 10 categories; more than 20 active insights → 422 "
                    + "catalog-limit-exceeded.")
    public Uni<VersionView> putDraft(DraftRequest request) {
        DraftRequest body = request == null ? new DraftRequest(null, null) : request;
        return catalogs.putDraft(caller.tenantId(), body.basedOnVersion(), body.insights(), caller.principalId())
                .map(VersionView::of);
    }

    @GET
    @Path("/draft")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "The draft with its insights (404 when there is none)")
    public Uni<VersionView> draft() {
        return catalogs.draft(caller.tenantId()).map(VersionView::of);
    }

    @DELETE
    @Path("/draft")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Discard the draft")
    public Uni<Response> discardDraft() {
        return catalogs.discardDraft(caller.tenantId()).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/draft/insights")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Add an insight to the draft (409 insight-exists, 422 catalog-limit-exceeded)")
    public Uni<Response> addInsight(CatalogRules.Draft insight) {
        return catalogs.addInsight(caller.tenantId(), insight)
                .map(added -> Response.status(Response.Status.CREATED).entity(added).build());
    }

    @PUT
    @Path("/draft/insights/{code}")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Replace an insight of the draft (the code stays)")
    public Uni<Insight> replaceInsight(@PathParam("code") String code, CatalogRules.Draft insight) {
        return catalogs.replaceInsight(caller.tenantId(), code, insight);
    }

    @DELETE
    @Path("/draft/insights/{code}")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Remove an insight from the draft")
    public Uni<Response> removeInsight(@PathParam("code") String code) {
        return catalogs.removeInsight(caller.tenantId(), code).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/draft/publish")
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Publish the draft as the active version; re-scores the tenant's clients in the background",
            description = "changeNote (≤ 500) is required. The previous version is retired. More than 2 insight "
                    + "changes published in a calendar quarter succeed with warning CHANGE_LIMIT_EXCEEDED. Records "
                    + "written by the re-score carry a CATALOG_CHANGED marker.")
    public Uni<PublishedView> publish(PublishRequest request) {
        if (request == null) {
            throw ProblemException.invalid("changeNote", "required", "A body with changeNote is required");
        }
        return catalogs.publish(caller.tenantId(), request.changeNote(), caller.principalId(),
                        EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(p -> new PublishedView(p.version().catalog().catalogVersion, p.version().catalog().status,
                        p.previousVersion(), p.insightChanges(), p.rescoreQueued(), p.warnings()));
    }
}
