package io.mspcs.roadmap.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Catalog pricing of an initiative (roadmap.md §3.2): oneTime = baseFee + unitFee × quantity. */
public record Pricing(BigDecimal baseFee, BigDecimal unitFee, String unitType, BigDecimal quantity) {

    public BigDecimal oneTime() {
        return baseFee.add(unitFee.multiply(quantity)).setScale(2, RoundingMode.HALF_UP);
    }
}
