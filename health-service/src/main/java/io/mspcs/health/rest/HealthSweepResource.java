package io.mspcs.health.rest;

import io.mspcs.health.service.HealthSweep;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runs the review sweep now for the caller's tenant, at the service clock's instant. Only when {@code
 * health.admin.sweep.enabled} is true (dev and test); otherwise it answers 404 as if it did not exist.
 */
@Path("/api/v1/health/sweep")
@Tag(name = "Operator hooks", description = "Test and dev hooks; disabled in production")
public class HealthSweepResource {

    private final HealthSweep sweep;
    private final CallerContext caller;
    private final boolean enabled;

    public HealthSweepResource(HealthSweep sweep, CallerContext caller,
                               @ConfigProperty(name = "health.admin.sweep.enabled", defaultValue = "false") boolean enabled) {
        this.sweep = sweep;
        this.caller = caller;
        this.enabled = enabled;
    }

    @POST
    @RolesAllowed({Roles.CS_LEADER, Roles.ADMIN})
    @Operation(summary = "Recompute the tenant's clients whose nextReviewAt has come (trigger SCHEDULED)",
            description = "Takes the monthly CYCLE snapshots at a cycle close (DmiMeasured, DmiStalled). Answers "
                    + "{ranAt, clients, records, events}; a second run finds nothing and emits nothing.")
    public Uni<HealthSweep.Result> run() {
        if (!enabled) {
            throw ProblemException.notFound("Resource /health/sweep");
        }
        return sweep.run(caller.tenantId(), caller.correlationId());
    }
}
