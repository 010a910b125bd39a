package io.mspcs.roadmap.service;

import io.mspcs.rest.ProblemException;

import java.math.BigDecimal;
import java.util.Currency;

/** Money as the API takes it; {@link #validated} gives the amount in the tenant currency or a 400. */
public record MoneyInput(BigDecimal amount, String currency) {

    /** roadmap.md §10: ≥ 0, ≤ 2 decimals, a known currency that is the tenant's. */
    public static BigDecimal validated(MoneyInput money, String field, String tenantCurrency) {
        if (money == null) {
            return null;
        }
        if (money.amount() == null) {
            throw ProblemException.invalid(field + ".amount", "required", field + " needs an amount");
        }
        if (money.amount().signum() < 0) {
            throw ProblemException.invalid(field + ".amount", "negative", field + " must not be negative");
        }
        if (money.amount().stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalid(field + ".amount", "scale", field + " has more than 2 decimals");
        }
        if (money.currency() == null || !money.currency().matches("[A-Z]{3}") || !known(money.currency())) {
            throw ProblemException.invalid(field + ".currency", "unknown-currency",
                    field + " has an unknown currency");
        }
        if (!money.currency().equals(tenantCurrency)) {
            throw ProblemException.invalid(field + ".currency", "currency-mismatch",
                    field + " must be in " + tenantCurrency + ", the tenant's currency");
        }
        return money.amount().setScale(2);
    }

    private static boolean known(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
