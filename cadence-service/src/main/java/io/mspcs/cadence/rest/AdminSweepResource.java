package io.mspcs.cadence.rest;

import io.mspcs.cadence.service.CadenceSweep;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Runs the sweep now, at the service clock's instant (cadence.md §8.6). Only when
 * {@code cadence.admin.sweep.enabled} is true (dev and test); otherwise it answers 404 as if it did not exist.
 */
@Path("/admin/sweep")
@Tag(name = "Operator hooks", description = "Test and dev hooks; disabled in production")
public class AdminSweepResource {

    private final CadenceSweep sweep;
    private final boolean enabled;

    public AdminSweepResource(CadenceSweep sweep,
                              @ConfigProperty(name = "cadence.admin.sweep.enabled", defaultValue = "false") boolean enabled) {
        this.sweep = sweep;
        this.enabled = enabled;
    }

    @POST
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Fire every due timer now; answers {timersFired, events by type}. tenantId narrows the run.",
            description = "events counts everything the run emitted, the rule timers' effects (T-REN, T-FYE, AR-RED "
                    + "exit, digest) included. A narrowed run stays inside that tenant; a full run spans tenants.")
    public Uni<CadenceSweep.Result> run(@QueryParam("tenantId") UUID tenantId) {
        if (!enabled) {
            throw ProblemException.notFound("Resource /admin/sweep");
        }
        return sweep.run(tenantId);
    }
}
