package io.mspcs.roadmap.rest;

import io.mspcs.rest.CallerContext;
import io.mspcs.rest.Roles;
import io.mspcs.roadmap.domain.RoadmapPolicy;
import io.mspcs.roadmap.service.PolicyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/roadmap-policy")
@Tag(name = "Roadmap policy", description = "The tenant's roadmap policy")
public class RoadmapPolicyResource {

    private final PolicyService policies;
    private final CallerContext caller;

    public RoadmapPolicyResource(PolicyService policies, CallerContext caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The tenant's roadmap policy (lanes, aging, validity, pre-approval, budget gate, window); "
            + "version 1 is the default policy")
    public Uni<RoadmapPolicy> get() {
        return policies.get(caller.tenantId());
    }

    @PUT
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Replace the tenant's roadmap policy (CS_LEADER); version + 1 when anything changed. "
            + "Lanes may be added, never removed. If-Match: \"<version>\" (412 version-mismatch).")
    public Uni<RoadmapPolicy> put(@HeaderParam("If-Match") String ifMatch, RoadmapPolicy body) {
        return policies.put(caller.tenantId(), caller.correlationId(), RestInputs.ifMatch(ifMatch),
                RestInputs.body(body));
    }
}
