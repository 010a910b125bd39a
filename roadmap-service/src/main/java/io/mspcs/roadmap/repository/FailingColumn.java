package io.mspcs.roadmap.repository;

import java.math.BigDecimal;
import java.util.List;

/** {@code gate_view.failing}: the insights below their gate threshold, as health reported them. */
public record FailingColumn(List<Insight> items) {

    public record Insight(String insightCode, BigDecimal coverage, BigDecimal threshold) {
    }

    public FailingColumn {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
