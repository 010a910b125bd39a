package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one client record against segmentation.md §2.1 and §7 and merges it onto the stored profile (or the
 * defaults on create: ACTIVE, fiscal year ending in December).
 */
public final class ClientProfileValidator {

    static final int MAX_EXTERNAL_ID = 100;
    static final int MAX_NAME = 200;
    static final int MAX_CONTACTS = 200;
    private static final Pattern SOURCE = Pattern.compile("^[a-z0-9-]{1,40}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> OWNER_ROLES = Set.of("CSM", "VCIO", "TAM", "AM");

    private ClientProfileValidator() {
    }

    /** The outcome for one item: a profile, or the violations that reject it. */
    public record Result(ClientProfile profile, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /** Identity fields, checked for every bulk item before anything else. */
    public static List<Violation> identity(String prefix, ClientProfileInput input) {
        List<Violation> violations = new ArrayList<>();
        if (input.source() == null) {
            violations.add(new Violation(prefix + "source", "required"));
        } else if (!SOURCE.matcher(input.source()).matches()) {
            violations.add(new Violation(prefix + "source", "pattern"));
        }
        if (input.externalId() == null) {
            violations.add(new Violation(prefix + "externalId", "required"));
        } else if (input.externalId().isBlank()) {
            violations.add(new Violation(prefix + "externalId", "blank"));
        } else if (input.externalId().length() > MAX_EXTERNAL_ID) {
            violations.add(new Violation(prefix + "externalId", "size"));
        }
        return violations;
    }

    /**
     * {@code existing} null = create. Contact ids are kept for contacts whose identity is already known, new ones
     * get {@code newIds}.
     */
    public static Result merge(String prefix, ClientProfile existing, ClientProfileInput input, String tenantCurrency,
                               Supplier<UUID> newIds) {
        List<Violation> violations = new ArrayList<>(input.parseViolations());
        boolean create = existing == null;
        String name = pick(input, "name", input.name(), create ? null : existing.name());
        if (name == null) {
            violations.add(new Violation(prefix + "name", "required"));
        } else if (name.isBlank()) {
            violations.add(new Violation(prefix + "name", "blank"));
        } else if (name.strip().length() > MAX_NAME) {
            violations.add(new Violation(prefix + "name", "size"));
        }
        ClientStatus status = create ? ClientStatus.ACTIVE : existing.status();
        if (input.has("status")) {
            if (input.status() == null) {
                violations.add(new Violation(prefix + "status", "required"));
            } else {
                try {
                    status = ClientStatus.valueOf(input.status());
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation(prefix + "status", "enum"));
                }
            }
        }
        BigDecimal amount = create ? null : existing.mrrAmount();
        String currency = create ? null : existing.mrrCurrency();
        if (input.has("mrr")) {
            amount = input.mrrAmount();
            currency = input.mrrCurrency();
            if (amount == null) {
                violations.add(new Violation(prefix + "mrr.amount", "required"));
            } else if (amount.signum() < 0) {
                violations.add(new Violation(prefix + "mrr.amount", "negative"));
            } else if (amount.stripTrailingZeros().scale() > 2) {
                violations.add(new Violation(prefix + "mrr.amount", "scale"));
            }
            if (currency == null) {
                violations.add(new Violation(prefix + "mrr.currency", "required"));
            } else if (!CURRENCIES.contains(currency)) {
                violations.add(new Violation(prefix + "mrr.currency", "unknown-currency"));
            } else if (!currency.equals(tenantCurrency)) {
                violations.add(new Violation(prefix + "mrr.currency", "currency-mismatch"));
            }
        } else if (create) {
            violations.add(new Violation(prefix + "mrr", "required"));
        }
        Integer fiscalYearEnd = input.has("fiscalYearEndMonth") ? input.fiscalYearEndMonth()
                : create ? null : existing.fiscalYearEndMonth();
        int month = fiscalYearEnd == null ? 12 : fiscalYearEnd;
        if (month < 1 || month > 12) {
            violations.add(new Violation(prefix + "fiscalYearEndMonth", "range"));
        }
        Integer employees = pick(input, "employeeCount", input.employeeCount(), create ? null : existing.employeeCount());
        if (employees != null && employees < 0) {
            violations.add(new Violation(prefix + "employeeCount", "range"));
        }
        String industry = blankToNull(pick(input, "industry", input.industry(), create ? null : existing.industry()));
        if (industry != null && industry.length() > 100) {
            violations.add(new Violation(prefix + "industry", "size"));
        }
        List<Contact> contacts = create ? List.of() : existing.contacts();
        if (input.has("contacts")) {
            contacts = contacts(prefix, input.contacts() == null ? List.of() : input.contacts(),
                    create ? List.of() : existing.contacts(), violations, newIds);
        }
        if (!violations.isEmpty()) {
            return new Result(null, List.copyOf(violations));
        }
        return new Result(new ClientProfile(name.strip(), status, amount.setScale(2), currency,
                pick(input, "contractRenewalDate", input.contractRenewalDate(), create ? null : existing.contractRenewalDate()),
                month, industry, employees, contacts), List.of());
    }

    private static List<Contact> contacts(String prefix, List<ClientProfileInput.ContactInput> inputs, List<Contact> known,
                                          List<Violation> violations, Supplier<UUID> newIds) {
        if (inputs.size() > MAX_CONTACTS) {
            violations.add(new Violation(prefix + "contacts", "size"));
            return List.of();
        }
        Map<String, UUID> knownIds = new HashMap<>();
        known.forEach(c -> {
            if (c.identity() != null) {
                knownIds.put(c.identity(), c.id());
            }
        });
        Set<String> seen = new HashSet<>();
        int sponsors = 0;
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ClientProfileInput.ContactInput in = inputs.get(i);
            String at = prefix + "contacts[" + i + "].";
            if (in.name() == null || in.name().isBlank()) {
                violations.add(new Violation(at + "name", in.name() == null ? "required" : "blank"));
            }
            String email = blankToNull(in.email());
            if (email != null && !EMAIL.matcher(email).matches()) {
                violations.add(new Violation(at + "email", "email"));
            }
            List<String> roles = in.roles() == null ? List.of() : in.roles();
            for (String role : roles) {
                if (!Contact.ROLES.contains(role)) {
                    violations.add(new Violation(at + "roles", "enum"));
                }
            }
            if (roles.contains("EXEC_SPONSOR") && ++sponsors > 1) {
                violations.add(new Violation(at + "roles", "one-exec-sponsor"));
            }
            if (in.relationshipOwnerRole() != null && !OWNER_ROLES.contains(in.relationshipOwnerRole())) {
                violations.add(new Violation(at + "relationshipOwnerRole", "enum"));
            }
            Contact contact = new Contact(null, blankToNull(in.externalId()), in.name() == null ? null : in.name().strip(),
                    email, blankToNull(in.phone()), blankToNull(in.title()), List.copyOf(roles), in.relationshipOwnerRole());
            String identity = contact.identity();
            if (identity != null && !seen.add(identity)) {
                violations.add(new Violation(at + (contact.externalId() != null ? "externalId" : "email"), "duplicate-contact"));
            }
            UUID id = identity != null && knownIds.containsKey(identity) ? knownIds.get(identity) : newIds.get();
            contacts.add(contact.withId(id));
        }
        return contacts;
    }

    private static <T> T pick(ClientProfileInput input, String field, T sent, T stored) {
        return input.has(field) ? sent : stored;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
