package io.mspcs.health.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.health.repository.ScoringModelEntity;
import io.mspcs.health.service.ScoringModelService;
import io.mspcs.outbox.EventContext;
import io.mspcs.rest.CallerContext;
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
import java.util.UUID;

@Path("/api/v1/health-models")
@Tag(name = "Scoring models", description = "Versioned scoring models: draft, publish (immutable), one active")
public class HealthModelResource {

    private final ScoringModelService models;
    private final CallerContext caller;

    public HealthModelResource(ScoringModelService models, CallerContext caller) {
        this.models = models;
        this.caller = caller;
    }

    public record DraftRequest(Integer basedOnVersion, JsonNode content, String changeNote) {
    }

    public record PublishRequest(String changeNote) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelView(UUID id, int version, String status, Integer basedOnVersion, String changeNote,
                            String createdBy, Instant createdAt, String publishedBy, Instant publishedAt,
                            JsonNode content) {

        static ModelView of(ScoringModelEntity model, boolean withContent) {
            return new ModelView(model.id, model.modelVersion, model.status, model.basedOnVersion, model.changeNote,
                    model.createdBy, model.createdAt, model.publishedBy, model.publishedAt,
                    withContent ? model.content : null);
        }
    }

    public record ModelList(List<ModelView> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublishedView(int version, String status, Integer previousVersion, int rescoreQueued,
                                List<String> warnings) {
    }

    @GET
    @Operation(summary = "Every model version of the tenant, newest first (version 1 is the default model)")
    public Uni<ModelList> list() {
        return models.list(caller.tenantId())
                .map(list -> new ModelList(list.stream().map(m -> ModelView.of(m, false)).toList()));
    }

    @GET
    @Path("/active")
    @Operation(summary = "The active (published) model with its content")
    public Uni<ModelView> active() {
        return models.activeEntity(caller.tenantId()).map(m -> ModelView.of(m, true));
    }

    @GET
    @Path("/{version: [0-9]+}")
    @Operation(summary = "One model version with its content")
    public Uni<ModelView> get(@PathParam("version") int version) {
        return models.get(caller.tenantId(), version).map(m -> ModelView.of(m, true));
    }

    @POST
    @RolesAllowed(Roles.CS_LEADER)
    @Operation(summary = "Create the draft (at most one): content merged onto basedOnVersion (default: the active one)",
            description = "Save checks: weight groups ≥ 0 summing to 1.00 ± 0.0001 (sum), 0 ≤ redBelow < greenMin ≤ 100 "
                    + "(order). 409 draft-exists when a draft is already open.")
    public Uni<Response> create(DraftRequest request) {
        DraftRequest body = request == null ? new DraftRequest(null, null, null) : request;
        return models.createDraft(caller.tenantId(), body.basedOnVersion(), body.content(), body.changeNote(),
                        caller.principalId())
                .map(m -> Response.status(201).entity(ModelView.of(m, true)).build());
    }

    @PUT
    @Path("/{version: [0-9]+}")
    @RolesAllowed(Roles.CS_LEADER)
    @Operation(summary = "Replace a draft's content (merged onto its base) and note; a published version answers 409 model-published")
    public Uni<ModelView> replace(@PathParam("version") int version, DraftRequest request) {
        DraftRequest body = request == null ? new DraftRequest(null, null, null) : request;
        return models.replaceDraft(caller.tenantId(), version, body.content(), body.changeNote())
                .map(m -> ModelView.of(m, true));
    }

    @DELETE
    @Path("/{version: [0-9]+}")
    @RolesAllowed(Roles.CS_LEADER)
    @Operation(summary = "Discard a draft; a published version answers 409 model-published")
    public Uni<Response> discard(@PathParam("version") int version) {
        return models.discardDraft(caller.tenantId(), version).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/{version: [0-9]+}/publish")
    @RolesAllowed(Roles.CS_LEADER)
    @Operation(summary = "Publish a draft: it becomes the active model, the previous one is retired, and every active "
            + "client is re-scored in the background (history marks MODEL_CHANGED)",
            description = "409 not-draft for a version that is not a draft. A second model published in a calendar "
                    + "quarter succeeds with warning CHANGE_LIMIT_EXCEEDED.")
    public Uni<PublishedView> publish(@PathParam("version") int version, PublishRequest request) {
        return models.publish(caller.tenantId(), version, request == null ? null : request.changeNote(),
                        caller.principalId(), EventContext.ofRequest(caller.tenantId(), caller.correlationId()))
                .map(p -> new PublishedView(p.model().modelVersion, p.model().status, p.previousVersion(),
                        p.rescoreQueued(), p.warnings()));
    }
}
