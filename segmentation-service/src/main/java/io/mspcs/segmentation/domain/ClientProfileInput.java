package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One client as a PSA (or a PATCH) sends it, not yet validated. {@code present} names the fields the caller sent:
 * on update only those change, and a sent {@code null} clears an optional field. {@code parseViolations} are type
 * errors found while reading the JSON.
 */
public record ClientProfileInput(String source, String externalId, Set<String> present, String name, String status,
                                 BigDecimal mrrAmount, String mrrCurrency, LocalDate contractRenewalDate,
                                 Integer fiscalYearEndMonth, String industry, Integer employeeCount,
                                 List<ContactInput> contacts, Instant sourceUpdatedAt, List<Violation> parseViolations) {

    public record ContactInput(String externalId, String name, String email, String phone, String title,
                               List<String> roles, String relationshipOwnerRole) {
    }

    public boolean has(String field) {
        return present.contains(field);
    }
}
