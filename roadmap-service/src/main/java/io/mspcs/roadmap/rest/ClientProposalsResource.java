package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Page;
import io.mspcs.rest.Roles;
import io.mspcs.rest.Scopes;
import io.mspcs.roadmap.repository.ProposalRepository;
import io.mspcs.roadmap.service.Actor;
import io.mspcs.roadmap.service.PolicyService;
import io.mspcs.roadmap.service.ProposalService;
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

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/proposals")
@Tag(name = "Proposals", description = "Proposals to the client, their aging and outcomes")
public class ClientProposalsResource {

    private final ProposalService proposals;
    private final PolicyService policies;
    private final CallerContext caller;
    private final Clock clock;

    public ClientProposalsResource(ProposalService proposals, PolicyService policies, CallerContext caller,
                                   Clock clock) {
        this.policies = policies;
        this.proposals = proposals;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CS_LEADER, Roles.VCIO, Roles.AM, Scopes.ROADMAP_WRITE})
    @Operation(summary = "Create a DRAFT proposal from initiatives of this client",
            description = "400 size/duplicate; 403 override-not-permitted; 422 initiative-client-mismatch / "
                    + "initiative-not-found; 409 initiative-not-proposable / initiative-in-open-proposal; 409 "
                    + "fix-first-gate / sequencing-gate; 422 pre-approval-missing. No event.")
    public Uni<Response> create(@PathParam("clientId") UUID clientId, ProposalService.NewProposal body) {
        return proposals.create(caller.tenantId(), caller.correlationId(), clientId, RestInputs.body(body),
                        Actor.user(caller.principalId(), caller.roles()))
                .chain(created -> policies.get(caller.tenantId()).map(policy -> Response.status(201)
                        .entity(ProposalResponse.of(created, clock.instant(), List.of(),
                                policy.agingBucketStartDays())).build()));
    }

    @GET
    @Operation(summary = "The client's proposals, paged (oldest first), optionally by status and aging bucket")
    public Uni<Page<ProposalResponse>> list(@PathParam("clientId") UUID clientId, @QueryParam("status") String status,
                                            @QueryParam("bucket") String bucket, @QueryParam("limit") Integer limit,
                                            @QueryParam("cursor") String cursor) {
        return ProposalResource.listed(proposals, policies, caller.tenantId(),
                new ProposalRepository.Filter(clientId, ProposalResource.status(status), null, null), bucket,
                Keyset.of(limit, cursor), clock);
    }
}
