package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.mspcs.roadmap.service.AssessmentService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/assessments")
@Tag(name = "Assessments", description = "Assessment templates, assessments and findings")
public class ClientAssessmentsResource {

    private final AssessmentService assessments;
    private final CallerContext caller;

    public ClientAssessmentsResource(AssessmentService assessments, CallerContext caller) {
        this.assessments = assessments;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Start an assessment {templateId, conductedOn}; 404 client-not-found / template-not-found")
    public Uni<Response> start(@PathParam("clientId") UUID clientId, AssessmentService.NewAssessment body) {
        return assessments.start(caller.tenantId(), clientId, RestInputs.body(body)).map(assessment ->
                Response.status(201).entity(AssessmentResponse.of(new AssessmentService.AssessmentView(assessment,
                        List.of()))).build());
    }

    @GET
    @Operation(summary = "The client's assessments, paged, oldest first")
    public Uni<Page<AssessmentResponse>> list(@PathParam("clientId") UUID clientId, @QueryParam("limit") Integer limit,
                                              @QueryParam("cursor") String cursor) {
        Keyset page = Keyset.of(limit, cursor);
        return assessments.ofClient(caller.tenantId(), clientId).map(list -> page.page(list,
                a -> Keyset.key(a.conductedOn, a.createdAt, a.id),
                a -> AssessmentResponse.of(new AssessmentService.AssessmentView(a, List.of()))));
    }
}
