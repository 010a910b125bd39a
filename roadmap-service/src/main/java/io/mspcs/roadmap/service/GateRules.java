package io.mspcs.roadmap.service;

import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.repository.FailingColumn;
import io.mspcs.roadmap.repository.GateViewEntity;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.OverrideColumn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fix-first and sequencing gates and their per-action overrides (roadmap.md §5.1, §5.2, §5.5). */
final class GateRules {

    static final String FIX_FIRST = "FIX_FIRST";
    static final String SEQUENCING = "SEQUENCING";
    static final String PRE_APPROVAL = "PRE_APPROVAL";
    static final String BUDGET = "BUDGET";
    private static final Set<String> GATES = Set.of(FIX_FIRST, SEQUENCING, PRE_APPROVAL, BUDGET);

    private GateRules() {
    }

    /** 400 for a malformed override, 403 {@code override-not-permitted} for a role that may not use it. */
    static List<OverrideColumn> checkOverrides(List<OverrideInput> overrides, Actor actor) {
        if (overrides == null || overrides.isEmpty()) {
            return List.of();
        }
        List<OverrideColumn> result = new ArrayList<>();
        for (int i = 0; i < overrides.size(); i++) {
            OverrideInput override = overrides.get(i);
            if (override == null || override.gate() == null || !GATES.contains(override.gate())) {
                throw ProblemException.invalid("overrides[" + i + "].gate", "enum",
                        "override gate must be one of " + GATES);
            }
            if (override.reason() == null || override.reason().strip().length() < 10
                    || override.reason().length() > 500) {
                throw ProblemException.invalid("overrides[" + i + "].reason", "length",
                        "an override needs a reason of 10 to 500 characters");
            }
            boolean permitted = PRE_APPROVAL.equals(override.gate()) ? actor.hasAny("VCIO", "CS_LEADER")
                    : actor.hasAny("CS_LEADER");
            if (!permitted) {
                throw DetailedProblem.forbidden("override-not-permitted",
                        "Your role may not override the " + override.gate() + " gate");
            }
            result.add(new OverrideColumn(override.gate(), override.reason().strip(), actor.principalId()));
        }
        return List.copyOf(result);
    }

    static boolean overridden(List<OverrideColumn> overrides, String gate) {
        return overrides.stream().anyMatch(override -> gate.equals(override.gate()));
    }

    /** 409 {@code fix-first-gate} when non-remediation work meets an open FIX_FIRST gate without an override. */
    static void fixFirst(ClientState state, List<InitiativeEntity> work, List<OverrideColumn> overrides) {
        List<GateViewEntity> open = state.openFixFirst();
        List<InitiativeEntity> blocked = work.stream().filter(initiative -> !initiative.remediation).toList();
        if (open.isEmpty() || blocked.isEmpty() || overridden(overrides, FIX_FIRST)) {
            return;
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("gates", open.stream().map(GateRules::gateDocument).toList());
        ext.put("blockedInitiativeIds", blocked.stream().map(initiative -> initiative.id).toList());
        ext.put("remediationInitiativeIds", state.initiatives().stream()
                .filter(initiative -> initiative.remediation && initiative.isOpen())
                .map(initiative -> initiative.id).toList());
        ext.put("override", Map.of("allowedRoles", List.of("CS_LEADER"), "field", "overrides"));
        throw new DetailedProblem(409, "fix-first-gate", "Fix-first gate is closed for this client",
                detail(open.get(0)), ext);
    }

    /** 409 {@code sequencing-gate} when tier-2 work meets an open SEQUENCING gate without an override. */
    static void sequencing(ClientState state, List<InitiativeEntity> work, List<OverrideColumn> overrides) {
        List<GateViewEntity> open = state.openSequencing();
        List<InitiativeEntity> blocked = work.stream()
                .filter(initiative -> initiative.tier != null && initiative.tier == 2).toList();
        if (open.isEmpty() || blocked.isEmpty() || overridden(overrides, SEQUENCING)) {
            return;
        }
        throw new DetailedProblem(409, "sequencing-gate", "Sequencing gate is closed for this client",
                "Tier 2 work waits until the tier 1 foundations are in place",
                Map.of("gates", open.stream().map(GateRules::gateDocument).toList(),
                        "blockedInitiativeIds", blocked.stream().map(initiative -> initiative.id).toList()));
    }

    static Map<String, Object> gateDocument(GateViewEntity gate) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("gateId", gate.gateId);
        document.put("gate", gate.gate);
        document.put("since", gate.since);
        document.put("failing", gate.failing.items());
        return document;
    }

    /** "MFA coverage 58% is below the 60% gate: remediation comes before new work". */
    static String detail(GateViewEntity gate) {
        if (gate.failing.items().isEmpty()) {
            return "A fix-first gate is open: remediation comes before new work";
        }
        FailingColumn.Insight insight = gate.failing.items().get(0);
        return insight.insightCode() + " coverage " + percent(insight.coverage()) + " is below the "
                + percent(insight.threshold()) + " gate: remediation comes before new work";
    }

    private static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "?";
        }
        BigDecimal value = ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (value.scale() < 0 ? value.setScale(0) : value).toPlainString() + "%";
    }

    static Problem.FieldError field(String field, String code) {
        return new Problem.FieldError(field, code);
    }
}
