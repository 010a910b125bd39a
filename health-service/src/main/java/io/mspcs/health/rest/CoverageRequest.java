package io.mspcs.health.rest;

import io.mspcs.health.domain.CoverageInput;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/clients/{clientId}/dmi/coverage}: up to 20 items, each {@code coverage} or
 * {@code numerator} + {@code denominator}. Checked by the domain validator so every offending field is named.
 */
public record CoverageRequest(List<Item> items) {

    public record Item(String insightCode, BigDecimal coverage, BigDecimal numerator, BigDecimal denominator,
                       Instant observedAt, String note) {

        CoverageInput toInput() {
            return new CoverageInput(insightCode, coverage, numerator, denominator, observedAt, note);
        }
    }

    List<CoverageInput> inputs() {
        return items == null ? null : items.stream().map(item -> item == null ? null : item.toInput()).toList();
    }
}
