package io.mspcs.health.domain;

import java.util.List;
import java.util.Optional;

/** A published catalogue version: the insights a DMI is computed over, in display order. */
public record DmiCatalog(int version, List<Insight> insights) {

    public DmiCatalog {
        insights = List.copyOf(insights);
    }

    public List<Insight> active() {
        return insights.stream().filter(Insight::active).toList();
    }

    public Optional<Insight> activeInsight(String code) {
        return insights.stream().filter(i -> i.active() && i.code().equals(code)).findFirst();
    }
}
