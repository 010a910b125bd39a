package io.mspcs.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** A decimal amount with its ISO-4217 currency; on the wire the amount is a string ({@code "1250.00"}). */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency); // rejects codes that are not ISO-4217
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
