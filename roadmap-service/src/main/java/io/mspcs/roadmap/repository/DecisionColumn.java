package io.mspcs.roadmap.repository;

import java.math.BigDecimal;
import java.util.List;

/**
 * A client decision as stored with an approval or acceptance (roadmap.md §3.6): evidence, owner, date, budget,
 * the computed expansion credit and the overrides used.
 */
public record DecisionColumn(String outcome, String evidence, String evidenceRef, String clientOwner, String decidedOn,
                             String targetDate, BigDecimal budget, String currency, boolean creditEligible,
                             List<String> creditReasons, List<OverrideColumn> overrides) {

    public DecisionColumn {
        creditReasons = creditReasons == null ? List.of() : List.copyOf(creditReasons);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}
