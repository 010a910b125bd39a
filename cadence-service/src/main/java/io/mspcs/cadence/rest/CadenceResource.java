package io.mspcs.cadence.rest;

import io.mspcs.cadence.domain.CadencePolicy;
import io.mspcs.cadence.service.CadenceQueryService;
import io.mspcs.cadence.service.PolicyService;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Cadence", description = "Cadence policy (versioned) and each client's cadence lines, slots and streak")
public class CadenceResource {

    public record PolicyView(int version, Instant publishedAt, CadencePolicy policy) {
        static PolicyView of(PolicyService.Versioned v) {
            return new PolicyView(v.version(), v.publishedAt(), v.policy());
        }
    }

    private final PolicyService policies;
    private final CadenceQueryService cadence;
    private final CallerContext caller;

    public CadenceResource(PolicyService policies, CadenceQueryService cadence, CallerContext caller) {
        this.policies = policies;
        this.cadence = cadence;
        this.caller = caller;
    }

    @GET
    @Path("/cadence-policies/current")
    @WithTransaction
    @Operation(summary = "The active cadence policy (version 1 = the defaults of cadence.md §2.1)")
    public Uni<PolicyView> current() {
        return policies.current(caller.tenantId()).map(PolicyView::of);
    }

    @GET
    @Path("/cadence-policies")
    @WithTransaction
    @Operation(summary = "Every published version of the cadence policy")
    public Uni<List<PolicyView>> all() {
        return policies.all(caller.tenantId()).map(list -> list.stream().map(PolicyView::of).toList());
    }

    @GET
    @Path("/cadence-policies/{version}")
    @WithTransaction
    @Operation(summary = "One version of the cadence policy")
    public Uni<PolicyView> version(@PathParam("version") int version) {
        return policies.version(caller.tenantId(), version).map(PolicyView::of);
    }

    @PUT
    @Path("/cadence-policies/current")
    @WithTransaction
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Publish the policy as version N+1 (identical content publishes nothing; If-Match optional, "
            + "412 version-mismatch when stale)")
    public Uni<PolicyView> publish(@HeaderParam("If-Match") String ifMatch, @NotNull CadencePolicy body) {
        Integer expected = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            try {
                expected = Integer.parseInt(ifMatch.replace("\"", "").replace("W/", "").trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("If-Match", "format", "If-Match must be a policy version");
            }
        }
        return policies.publish(caller.tenantId(), body, expected).map(PolicyView::of);
    }

    @GET
    @Path("/clients/{clientId}/cadence")
    @Operation(summary = "A client's cadence: lines, open slots with state, last miss and the strategic miss streak")
    public Uni<CadenceQueryService.ClientCadence> ofClient(@PathParam("clientId") UUID clientId) {
        return cadence.of(caller.tenantId(), clientId);
    }
}
