package io.mspcs.cadence.rest;

import io.mspcs.cadence.domain.TriggerRule;
import io.mspcs.cadence.service.TriggerRuleService;
import io.mspcs.rest.CallerContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Path("/api/v1/trigger-rules")
@Tag(name = "Trigger rules", description = "Built-in trigger rules: enable/disable and tenant thresholds, versioned")
public class TriggerRuleResource {

    public record RuleView(String ruleId, int version, boolean enabled, Map<String, BigDecimal> params,
                           Instant publishedAt, String publishedBy) {
        static RuleView of(TriggerRuleService.Versioned v) {
            TriggerRule rule = v.rule();
            return new RuleView(rule.ruleId(), rule.version(), rule.enabled(), rule.params(), v.publishedAt(),
                    v.publishedBy());
        }
    }

    public record RuleWithVersions(String ruleId, int version, boolean enabled, Map<String, BigDecimal> params,
                                   List<RuleView> versions) {
    }

    /** {@code PATCH} body: both optional, at least one present. */
    public record Patch(Boolean enabled, Map<String, BigDecimal> params) {
    }

    private final TriggerRuleService rules;
    private final CallerContext caller;

    public TriggerRuleResource(TriggerRuleService rules, CallerContext caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @WithTransaction
    @Operation(summary = "Every rule of the catalogue (cadence.md §4.2) with its current version and parameters")
    public Uni<List<RuleView>> all() {
        return rules.all(caller.tenantId()).map(list -> list.stream().map(RuleView::of).toList());
    }

    @GET
    @Path("/{ruleId}")
    @WithTransaction
    @Operation(summary = "One rule at its current version, with every version (1 = the built-in default)")
    public Uni<RuleWithVersions> one(@PathParam("ruleId") String ruleId) {
        if (!TriggerRule.known(ruleId)) {
            throw ProblemException.notFound("trigger rule " + ruleId);
        }
        return rules.versions(caller.tenantId(), ruleId).map(versions -> {
            TriggerRule current = versions.get(versions.size() - 1).rule();
            return new RuleWithVersions(ruleId, current.version(), current.enabled(), current.params(),
                    versions.stream().map(RuleView::of).toList());
        });
    }

    @PATCH
    @Path("/{ruleId}")
    @WithTransaction
    @RolesAllowed({Roles.CS_LEADER})
    @Operation(summary = "Enable/disable the rule or change its thresholds, e.g. {\"params\": {\"minDropPoints\": 8}}; "
            + "publishes version N+1, CTAs opened later name it in reason.ruleVersion")
    public Uni<RuleView> patch(@PathParam("ruleId") String ruleId, @NotNull Patch body) {
        return rules.patch(caller.tenantId(), ruleId, body.enabled(), body.params(), caller.principalId())
                .map(RuleView::of);
    }
}
