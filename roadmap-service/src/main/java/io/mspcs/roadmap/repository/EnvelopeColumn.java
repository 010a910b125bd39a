package io.mspcs.roadmap.repository;

import java.math.BigDecimal;
import java.util.List;

/** The client-approved budget of a fiscal year (roadmap.md §3.4 envelope). */
public record EnvelopeColumn(List<QuarterEnvelope> quarters, String clientOwner, String approvedOn,
                             String evidenceRef) {

    public record QuarterEnvelope(String quarter, BigDecimal capex, BigDecimal opex) {
    }

    public EnvelopeColumn {
        quarters = quarters == null ? List.of() : List.copyOf(quarters);
    }
}
