package io.mspcs.segmentation.domain;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks one PSA client record; a valid one becomes a {@link ClientProfile} (defaults: ACTIVE, FY end December). */
public final class ClientProfileValidator {

    static final int MAX_EXTERNAL_ID = 64;
    static final int MAX_NAME = 200;
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private ClientProfileValidator() {
    }

    /** The outcome for one item: a profile, or the violations that reject it. */
    public record Result(ClientProfile profile, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public static Result validate(String prefix, ClientProfileInput input) {
        List<Violation> violations = new ArrayList<>();
        if (isBlank(input.externalId())) {
            violations.add(new Violation(prefix + "externalId", "blank"));
        } else if (input.externalId().length() > MAX_EXTERNAL_ID) {
            violations.add(new Violation(prefix + "externalId", "size"));
        }
        if (isBlank(input.name())) {
            violations.add(new Violation(prefix + "name", "blank"));
        } else if (input.name().length() > MAX_NAME) {
            violations.add(new Violation(prefix + "name", "size"));
        }
        ClientStatus status = ClientStatus.ACTIVE;
        if (input.status() != null) {
            try {
                status = ClientStatus.valueOf(input.status());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(prefix + "status", "unknown"));
            }
        }
        if (input.mrrAmount() == null) {
            violations.add(new Violation(prefix + "mrr.amount", "required"));
        } else if (input.mrrAmount().signum() < 0) {
            violations.add(new Violation(prefix + "mrr.amount", "min"));
        } else if (input.mrrAmount().stripTrailingZeros().scale() > 2) {
            violations.add(new Violation(prefix + "mrr.amount", "scale"));
        }
        if (input.mrrCurrency() == null || !CURRENCIES.contains(input.mrrCurrency())) {
            violations.add(new Violation(prefix + "mrr.currency", "unknown-currency"));
        }
        int fiscalYearEnd = input.fiscalYearEndMonth() == null ? 12 : input.fiscalYearEndMonth();
        if (fiscalYearEnd < 1 || fiscalYearEnd > 12) {
            violations.add(new Violation(prefix + "fiscalYearEndMonth", "range"));
        }
        if (input.employeeCount() != null && input.employeeCount() < 0) {
            violations.add(new Violation(prefix + "employeeCount", "min"));
        }
        if (!violations.isEmpty()) {
            return new Result(null, List.copyOf(violations));
        }
        return new Result(new ClientProfile(input.name().strip(), status, input.mrrAmount().setScale(2),
                input.mrrCurrency(), input.contractRenewalDate(), fiscalYearEnd, blankToNull(input.industry()),
                input.employeeCount()), List.of());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
