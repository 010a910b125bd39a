package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
import io.mspcs.roadmap.domain.InitiativeState;
import io.mspcs.roadmap.repository.InitiativeHistoryEntity;
import io.mspcs.roadmap.service.Actor;
import io.mspcs.roadmap.service.DecisionInput;
import io.mspcs.roadmap.service.InitiativeService;
import io.mspcs.roadmap.service.MoneyInput;
import io.mspcs.roadmap.service.OutcomeReview;
import io.mspcs.roadmap.service.OverrideInput;
import io.mspcs.roadmap.service.RoadmapReadService;
import io.mspcs.roadmap.service.TransitionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

@Path("/api/v1/initiatives")
@Tag(name = "Initiatives", description = "Initiatives: remediation and new work on the roadmap")
public class InitiativeResource {

    private final RoadmapReadService reads;
    private final InitiativeService initiatives;
    private final CallerContext caller;

    private final SecurityIdentity identity;

    public InitiativeResource(RoadmapReadService reads, InitiativeService initiatives, CallerContext caller,
                              SecurityIdentity identity) {
        this.identity = identity;
        this.reads = reads;
        this.initiatives = initiatives;
        this.caller = caller;
    }

    public record TransitionRequest(String to, String reason, String reasonCode, String deferToQuarter,
                                    DecisionInput decision, String closeReason, String closeNote,
                                    OutcomeReview outcomeReview, List<OverrideInput> overrides,
                                    String deliveryOwnerMemberId, LocalDate completedOn, MoneyInput actualCost) {
    }

    public record HistoryEntry(String from, String to, String reasonCode, String reasonText, String actorId,
                               Instant at, Object decision) {

        static HistoryEntry of(InitiativeHistoryEntity entry) {
            return new HistoryEntry(entry.fromState, entry.toState, entry.reasonCode, entry.reasonText, entry.actorId,
                    entry.at, entry.decision);
        }
    }

    @GET
    @Path("/{initiativeId}")
    @Operation(summary = "One initiative with its estimate, origin references and pre-approval; 404 for another tenant's id")
    public Uni<InitiativeResponse> get(@PathParam("initiativeId") UUID initiativeId) {
        return reads.initiative(caller.tenantId(), initiativeId).map(InitiativeResponse::of);
    }

    @PATCH
    @Path("/{initiativeId}")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Edit title, summary, lane, priority, quarter or estimate",
            description = "Estimates are locked (409 initiative-locked) from APPROVED on and while in a sent proposal. "
                    + "A quarter change moves the item to the end of that quarter (new roadmap version). "
                    + "If-Match: \"<version>\" (412 version-mismatch).")
    public Uni<InitiativeResponse> change(@PathParam("initiativeId") UUID initiativeId,
                                          @HeaderParam("If-Match") String ifMatch,
                                          InitiativeService.InitiativeChange body) {
        return initiatives.change(caller.tenantId(), caller.correlationId(), initiativeId, RestInputs.ifMatch(ifMatch),
                RestInputs.body(body), actor()).map(InitiativeResponse::of);
    }

    @DELETE
    @Path("/{initiativeId}")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Withdraw (transition #15, CLOSED WITHDRAWN); 409 invalid-transition from approved work on")
    public Uni<Response> withdraw(@PathParam("initiativeId") UUID initiativeId) {
        return initiatives.withdraw(caller.tenantId(), caller.correlationId(), initiativeId, actor())
                .map(result -> Response.noContent().build());
    }

    @POST
    @Path("/{initiativeId}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Move the initiative through its state machine (roadmap.md §4)",
            description = "409 invalid-transition {from, to, allowedNextStates}; 403 transition-not-permitted; "
                    + "409 initiative-in-open-proposal; 422 transition-guard-failed {missing}; 409 fix-first-gate / "
                    + "sequencing-gate; 422 approval-evidence-incomplete. Approvals answer the expansion credit and "
                    + "BUDGET_ENVELOPE_EXCEEDED warnings.")
    public Uni<TransitionResponse> transition(@PathParam("initiativeId") UUID initiativeId, TransitionRequest body) {
        TransitionRequest request = RestInputs.body(body);
        InitiativeState to = request.to() == null ? null
                : RestInputs.enumValue(InitiativeState.class, request.to(), "to");
        var command = new TransitionService.Command(to, request.reason(), request.reasonCode(),
                request.deferToQuarter(), request.decision(), request.closeReason(), request.closeNote(),
                request.outcomeReview(), request.overrides(), request.deliveryOwnerMemberId(), request.completedOn(),
                request.actualCost());
        return initiatives.transition(caller.tenantId(), caller.correlationId(), initiativeId, command, actor())
                .map(TransitionResponse::of);
    }

    @GET
    @Path("/{initiativeId}/history")
    @Operation(summary = "The initiative's transitions with their reasons, actors and decisions, paged, oldest first")
    public Uni<Page<HistoryEntry>> history(@PathParam("initiativeId") UUID initiativeId,
                                           @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Keyset page = Keyset.of(limit, cursor);
        // the history is append-only, so an entry's position is a stable key (same-instant entries keep their order)
        return initiatives.history(caller.tenantId(), initiativeId).map(entries -> page.page(
                IntStream.range(0, entries.size()).boxed().toList(),
                Keyset::key, position -> HistoryEntry.of(entries.get(position))));
    }

    @PUT
    @Path("/{initiativeId}/pre-approval")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.CSM, Roles.VCIO, Roles.TAM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Capture the client's pre-approval {clientOwner, targetQuarter, budgetBand}",
            description = "All three parts make it COUNTED, which non-remediation work needs before a proposal (P1).")
    public Uni<InitiativeResponse> preApproval(@PathParam("initiativeId") UUID initiativeId,
                                               InitiativeService.PreApprovalInput body) {
        return initiatives.preApproval(caller.tenantId(), initiativeId, RestInputs.body(body))
                .map(InitiativeResponse::of);
    }

    private Actor actor() {
        // the identity holds the X-Roles and the X-Scopes of an integration key
        return Actor.user(caller.principalId(), identity.getRoles());
    }
}
