package io.mspcs.segmentation.rest;

import io.mspcs.segmentation.domain.ClientProfileInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/clients/bulk}: companies from one PSA source. Items are checked one by one. */
public record ClientBulkRequest(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9_-]{0,39}$") String source,
        @NotNull List<Item> items) {

    public record Item(String externalId, String name, String status, MoneyInput mrr, LocalDate contractRenewalDate,
                       Integer fiscalYearEndMonth, String industry, Integer employeeCount) {

        ClientProfileInput toInput() {
            return new ClientProfileInput(externalId, name, status, mrr == null ? null : mrr.amount(),
                    mrr == null ? null : mrr.currency(), contractRenewalDate, fiscalYearEndMonth, industry, employeeCount);
        }
    }

    public record MoneyInput(BigDecimal amount, String currency) {
    }
}
