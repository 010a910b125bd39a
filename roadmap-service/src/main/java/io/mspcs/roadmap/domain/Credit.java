package io.mspcs.roadmap.domain;

import java.util.ArrayList;
import java.util.List;

/** Expansion credit (roadmap.md §5.4 P4): a reporting flag with its reasons, never a blocker. */
public record Credit(boolean eligible, List<String> reasons) {

    public static Credit evaluate(boolean evidenceComplete, boolean quarterSet, boolean remediation,
                                  boolean gateOverridden, boolean adoptionMoveFailed) {
        List<String> reasons = new ArrayList<>();
        if (!evidenceComplete) {
            reasons.add("EVIDENCE_MISSING");
        }
        if (remediation) {
            reasons.add("STABILITY_WORK");
        }
        if (!quarterSet) {
            reasons.add("NO_QUARTER");
        }
        if (gateOverridden) {
            reasons.add("GATE_OVERRIDDEN");
        }
        if (adoptionMoveFailed) {
            reasons.add("ADOPTION_MOVE_FAILED");
        }
        return new Credit(reasons.isEmpty(), List.copyOf(reasons));
    }
}
