package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.mspcs.roadmap.repository.AssessmentTemplateEntity;
import io.mspcs.roadmap.repository.FindingEntity;
import io.mspcs.roadmap.repository.ResponsesColumn;
import io.mspcs.roadmap.service.AssessmentService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

@Path("/api/v1/assessments")
@Tag(name = "Assessments", description = "Assessment templates, assessments and findings")
public class AssessmentResource {

    private final AssessmentService assessments;
    private final CallerContext caller;

    public AssessmentResource(AssessmentService assessments, CallerContext caller) {
        this.assessments = assessments;
        this.caller = caller;
    }

    public record ResponsesRequest(List<ResponsesColumn.Response> responses) {
    }

    public record CompleteRequest(Boolean createDraftInitiatives) {
    }

    @GET
    @Path("/templates")
    @Operation(summary = "The tenant's published template versions, paged, by name then version")
    public Uni<Page<AssessmentTemplateEntity>> templates(@QueryParam("limit") Integer limit,
                                                         @QueryParam("cursor") String cursor) {
        Keyset page = Keyset.of(limit, cursor);
        return assessments.templates(caller.tenantId()).map(list -> page.page(list,
                t -> Keyset.key(t.name, t.templateVersion, t.id), Function.identity()));
    }

    @POST
    @Path("/templates")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER})
    @Operation(summary = "Publish a template version (immutable; the same name gets the next version)")
    public Uni<Response> publish(AssessmentService.NewTemplate body) {
        return assessments.publish(caller.tenantId(), RestInputs.body(body))
                .map(template -> Response.status(201).entity(template).build());
    }

    @GET
    @Path("/{assessmentId}")
    @Operation(summary = "One assessment with its responses, score and findings")
    public Uni<AssessmentResponse> get(@PathParam("assessmentId") UUID assessmentId) {
        return assessments.get(caller.tenantId(), assessmentId).map(AssessmentResponse::of);
    }

    @PATCH
    @Path("/{assessmentId}")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Record responses (409 assessment-not-in-progress once completed)")
    public Uni<AssessmentResponse> respond(@PathParam("assessmentId") UUID assessmentId, ResponsesRequest body) {
        return assessments.respond(caller.tenantId(), assessmentId, RestInputs.body(body).responses())
                .map(AssessmentResponse::of);
    }

    @POST
    @Path("/{assessmentId}/complete")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Complete: findings for VULNERABLE answers, the score, DRAFT initiatives for HIGH/CRITICAL "
            + "findings; AssessmentCompleted and InitiativeCreated")
    public Uni<AssessmentResponse> complete(@PathParam("assessmentId") UUID assessmentId, CompleteRequest body) {
        boolean drafts = body == null || body.createDraftInitiatives() == null || body.createDraftInitiatives();
        return assessments.complete(caller.tenantId(), caller.correlationId(), assessmentId, drafts)
                .map(AssessmentResponse::of);
    }

    @POST
    @Path("/{assessmentId}/findings")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Add a finding to an assessment in progress")
    public Uni<Response> addFinding(@PathParam("assessmentId") UUID assessmentId,
                                    AssessmentService.NewFinding body) {
        return assessments.addFinding(caller.tenantId(), assessmentId, RestInputs.body(body))
                .map(finding -> Response.status(201).entity(AssessmentResponse.Finding.of(finding)).build());
    }

    @PATCH
    @Path("/{assessmentId}/findings/{findingId}")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Edit a finding while its assessment is in progress; absent fields stay",
            description = "409 assessment-not-in-progress; 404 finding-not-found.")
    public Uni<AssessmentResponse.Finding> editFinding(@PathParam("assessmentId") UUID assessmentId,
                                                      @PathParam("findingId") UUID findingId,
                                                      AssessmentService.NewFinding body) {
        return assessments.editFinding(caller.tenantId(), assessmentId, findingId, RestInputs.body(body))
                .map(AssessmentResponse.Finding::of);
    }

    @POST
    @Path("/{assessmentId}/findings/{findingId}/initiative")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Make a DRAFT initiative from a finding (origin ASSESSMENT_FINDING); InitiativeCreated",
            description = "409 finding-has-initiative when the finding is already linked; 409 client-churned.")
    public Uni<Response> initiativeFromFinding(@PathParam("assessmentId") UUID assessmentId,
                                               @PathParam("findingId") UUID findingId) {
        return assessments.initiativeFrom(caller.tenantId(), caller.correlationId(), assessmentId, findingId)
                .map(created -> Response.status(201).entity(InitiativeResponse.of(created)).build());
    }

    static List<AssessmentResponse.Finding> findings(List<FindingEntity> findings) {
        return findings.stream().map(AssessmentResponse.Finding::of).toList();
    }
}
