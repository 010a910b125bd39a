package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.mspcs.roadmap.domain.AgingBucket;
import io.mspcs.roadmap.repository.ProposalEntity;
import io.mspcs.roadmap.repository.ProposalRepository;
import io.mspcs.roadmap.service.Actor;
import io.mspcs.roadmap.service.PipelineService;
import io.mspcs.roadmap.service.PolicyService;
import io.mspcs.roadmap.service.ProposalService;
import io.mspcs.roadmap.service.SweepService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/proposals")
@Tag(name = "Proposals", description = "Proposals to the client, their aging and outcomes")
public class ProposalResource {

    private final ProposalService proposals;
    private final PipelineService pipeline;
    private final SweepService sweeps;
    private final PolicyService policies;
    private final CallerContext caller;
    private final Clock clock;

    public ProposalResource(ProposalService proposals, PipelineService pipeline, SweepService sweeps,
                            PolicyService policies, CallerContext caller, Clock clock) {
        this.policies = policies;
        this.sweeps = sweeps;
        this.proposals = proposals;
        this.pipeline = pipeline;
        this.caller = caller;
        this.clock = clock;
    }

    public record WithdrawRequest(String reason) {
    }

    @GET
    @Operation(summary = "Tenant-wide proposals, paged (oldest first), by status, aging bucket, owner and the "
            + "client's segment")
    public Uni<Page<ProposalResponse>> list(@QueryParam("status") String status, @QueryParam("bucket") String bucket,
                                            @QueryParam("ownerMemberId") String ownerMemberId,
                                            @QueryParam("segment") String segment,
                                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return listed(proposals, policies, caller.tenantId(), new ProposalRepository.Filter(null, status(status), ownerMemberId,
                segment(segment)), bucket, Keyset.of(limit, cursor), clock);
    }

    @GET
    @Path("/pipeline")
    @Operation(summary = "Pipeline: undecided by aging bucket and amount, drafts, blocked, outcomes of the period",
            description = "Win rate = accepted ÷ (accepted + declined + auto-closed); reason captured = those with "
                    + "a reason ÷ (declined + auto-closed); one decimal.")
    public Uni<PipelineService.Pipeline> pipeline(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                                  @QueryParam("ownerMemberId") String ownerMemberId,
                                                  @QueryParam("segment") String segment) {
        return pipeline.pipeline(caller.tenantId(), from, to, ownerMemberId, segment(segment));
    }

    @POST
    @Path("/aging-sweep")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER})
    @Operation(summary = "Run the daily sweep for this tenant now (the job at the policy's sweepTime does the same)",
            description = "Pre-approvals go STALE / LAPSED; the first sweep of a fiscal quarter rolls earlier open work "
                    + "into it (QUARTER_ROLLOVER); one ProposalAging per first entry into a bucket; past the last "
                    + "bucket the proposal is auto-closed and its work deferred (policy autoClose). A rerun emits "
                    + "nothing.")
    public Uni<SweepService.SweepSummary> sweep() {
        return sweeps.sweep(caller.tenantId());
    }

    @GET
    @Path("/{proposalId}")
    @Operation(summary = "One proposal with its age, bucket, decision and overrides")
    public Uni<RestResponse<ProposalResponse>> get(@PathParam("proposalId") UUID proposalId) {
        return proposals.get(caller.tenantId(), proposalId).chain(p -> shown(p).map(shown -> RestResponse
                .ResponseBuilder.ok(shown).header("ETag", "\"" + p.version + "\"").build()));
    }

    @PATCH
    @Path("/{proposalId}")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO, Roles.AM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Edit a DRAFT proposal: title, initiativeIds, validUntil, ownerMemberId; sums recomputed",
            description = "No event. If-Match: the ETag of the proposal (412 version-mismatch); 409 "
                    + "invalid-proposal-state unless DRAFT; initiatives are checked as on create.")
    public Uni<RestResponse<ProposalResponse>> edit(@PathParam("proposalId") UUID proposalId,
                                                    @HeaderParam("If-Match") String ifMatch,
                                                    ProposalService.ProposalEdit body) {
        return proposals.edit(caller.tenantId(), proposalId, RestInputs.ifMatch(ifMatch), RestInputs.body(body),
                actor()).chain(p -> shown(p).map(shown -> RestResponse.ResponseBuilder.ok(shown)
                .header("ETag", "\"" + p.version + "\"").build()));
    }

    @POST
    @Path("/{proposalId}/send")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO, Roles.AM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Send a DRAFT proposal: its initiatives become PROPOSED; ProposalSent")
    public Uni<ProposalResponse> send(@PathParam("proposalId") UUID proposalId, ProposalService.SendInput body) {
        return proposals.send(caller.tenantId(), caller.correlationId(), proposalId, RestInputs.body(body), actor())
                .chain(this::shown);
    }

    @POST
    @Path("/{proposalId}/accept")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO, Roles.AM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Record the client's acceptance with evidence: initiatives APPROVED; ProposalAccepted",
            description = "422 approval-evidence-incomplete {missing}; 409 proposal-expired; 409 fix-first-gate.")
    public Uni<ProposalResponse> accept(@PathParam("proposalId") UUID proposalId, ProposalService.AcceptInput body) {
        return proposals.accept(caller.tenantId(), caller.correlationId(), proposalId, RestInputs.body(body), actor())
                .chain(outcome -> shown(outcome.proposal(), outcome.warnings()));
    }

    @POST
    @Path("/{proposalId}/decline")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO, Roles.AM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Record the client's decline with a reason; initiatives follow the reason's reaction")
    public Uni<ProposalResponse> decline(@PathParam("proposalId") UUID proposalId, ProposalService.DeclineInput body) {
        return proposals.decline(caller.tenantId(), caller.correlationId(), proposalId, RestInputs.body(body), actor())
                .chain(this::shown);
    }

    @POST
    @Path("/{proposalId}/withdraw")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO, Roles.AM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Withdraw a DRAFT or SENT proposal; PROPOSED work goes back to INTERNAL_REVIEW")
    public Uni<ProposalResponse> withdraw(@PathParam("proposalId") UUID proposalId, WithdrawRequest body) {
        return proposals.withdraw(caller.tenantId(), caller.correlationId(), proposalId, RestInputs.body(body).reason(),
                actor()).chain(this::shown);
    }

    @PUT
    @Path("/{proposalId}/close-reason")
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO, Roles.AM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Add the client's reason to an auto-closed proposal (once, no event)")
    public Uni<ProposalResponse> closeReason(@PathParam("proposalId") UUID proposalId,
                                             ProposalService.DeclineInput body) {
        return proposals.closeReason(caller.tenantId(), proposalId, RestInputs.body(body))
                .chain(this::shown);
    }

    /** The bucket depends on the clock and the tenant policy, so it filters in memory before the page is cut. */
    static Uni<Page<ProposalResponse>> listed(ProposalService proposals, PolicyService policies, UUID tenantId,
                                              ProposalRepository.Filter filter, String bucket, Keyset page,
                                              Clock clock) {
        AgingBucket wanted = bucket == null ? null : RestInputs.enumValue(AgingBucket.class, bucket, "bucket");
        return policies.get(tenantId).chain(policy -> proposals.list(tenantId, filter).map(found -> page.page(
                found.stream()
                        .map(p -> new Listed(Keyset.key(p.createdAt, p.id),
                                ProposalResponse.of(p, clock.instant(), List.of(), policy.agingBucketStartDays())))
                        .filter(p -> wanted == null || wanted.name().equals(p.shown().agingBucket()))
                        .toList(),
                Listed::key, Listed::shown)));
    }

    private record Listed(String key, ProposalResponse shown) {
    }

    /** The proposal with its bucket as the tenant policy's aging buckets place it. */
    private Uni<ProposalResponse> shown(ProposalEntity proposal) {
        return shown(proposal, List.of());
    }

    private Uni<ProposalResponse> shown(ProposalEntity proposal, List<Map<String, Object>> warnings) {
        return policies.get(caller.tenantId()).map(policy -> ProposalResponse.of(proposal, clock.instant(), warnings,
                policy.agingBucketStartDays()));
    }

    /** A segment letter as segmentation names them (an open enum: A, B, C, D). */
    static String segment(String segment) {
        if (segment != null && !segment.matches("[A-Z]{1,8}")) {
            throw io.mspcs.rest.ProblemException.invalid("segment", "format", "segment is a letter such as A");
        }
        return segment;
    }

    static String status(String status) {
        return status == null ? null : RestInputs.enumValue(ProposalEntity.Status.class, status, "status").name();
    }

    private Actor actor() {
        return Actor.user(caller.principalId(), caller.roles());
    }
}
