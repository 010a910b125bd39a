package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The registry fields of a client (segmentation.md §2.1). MRR is decimal money. */
public record ClientProfile(String name, ClientStatus status, BigDecimal mrrAmount, String mrrCurrency,
                            LocalDate contractRenewalDate, int fiscalYearEndMonth, String industry, Integer employeeCount,
                            List<Contact> contacts) {

    /** A field that differs between two profiles, with its old and new value. */
    public record FieldChange(Object from, Object to) {
    }

    /** MRR as it appears in a change record. */
    public record Money(BigDecimal amount, String currency) {
    }

    /** What changes when this profile is replaced by {@code next}; empty when nothing does. Contacts change as id lists. */
    public Map<String, FieldChange> changesTo(ClientProfile next) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        compare(changes, "name", name, next.name);
        compare(changes, "status", status, next.status);
        if (mrrAmount.compareTo(next.mrrAmount) != 0 || !mrrCurrency.equals(next.mrrCurrency)) {
            changes.put("mrr", new FieldChange(new Money(mrrAmount, mrrCurrency), new Money(next.mrrAmount, next.mrrCurrency)));
        }
        compare(changes, "contractRenewalDate", contractRenewalDate, next.contractRenewalDate);
        compare(changes, "fiscalYearEndMonth", fiscalYearEndMonth, next.fiscalYearEndMonth);
        compare(changes, "industry", industry, next.industry);
        compare(changes, "employeeCount", employeeCount, next.employeeCount);
        boolean contactsSame = contacts.size() == next.contacts.size();
        for (int i = 0; contactsSame && i < contacts.size(); i++) {
            contactsSame = contacts.get(i).sameContent(next.contacts.get(i));
        }
        if (!contactsSame) {
            changes.put("contacts", new FieldChange(contacts.stream().map(c -> c.id().toString()).toList(),
                    next.contacts.stream().map(c -> c.id().toString()).toList()));
        }
        return changes;
    }

    private static void compare(Map<String, FieldChange> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, new FieldChange(from, to));
        }
    }
}
