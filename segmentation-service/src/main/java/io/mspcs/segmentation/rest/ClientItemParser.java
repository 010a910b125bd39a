package io.mspcs.segmentation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.segmentation.domain.ClientProfileInput;
import io.mspcs.segmentation.domain.Violation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one client object field by field, so a wrong type rejects only its item and an absent field can be told
 * from a sent {@code null} (which clears an optional field on update).
 */
final class ClientItemParser {

    private final String prefix;
    private final JsonNode node;
    private final List<Violation> violations = new ArrayList<>();

    private ClientItemParser(String prefix, JsonNode node) {
        this.prefix = prefix;
        this.node = node;
    }

    static ClientProfileInput parse(String prefix, JsonNode node, String defaultSource) {
        return new ClientItemParser(prefix, node).read(defaultSource);
    }

    private ClientProfileInput read(String defaultSource) {
        if (node == null || !node.isObject()) {
            violations.add(new Violation(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "type"));
            return new ClientProfileInput(defaultSource, null, Set.of(), null, null, null, null, null, null, null, null,
                    null, null, List.copyOf(violations));
        }
        Set<String> present = new HashSet<>();
        node.fieldNames().forEachRemaining(present::add);
        String source = node.has("source") ? text("source") : defaultSource;
        BigDecimal amount = null;
        String currency = null;
        JsonNode mrr = node.get("mrr");
        if (mrr != null && !mrr.isNull()) {
            if (!mrr.isObject()) {
                violations.add(new Violation(prefix + "mrr", "type"));
            } else {
                amount = decimal(mrr.get("amount"), "mrr.amount");
                JsonNode cur = mrr.get("currency");
                if (cur != null && !cur.isNull()) {
                    if (cur.isTextual()) {
                        currency = cur.asText();
                    } else {
                        violations.add(new Violation(prefix + "mrr.currency", "type"));
                    }
                }
            }
        }
        return new ClientProfileInput(source, text("externalId"), present, text("name"), text("status"), amount, currency,
                date("contractRenewalDate"), integer("fiscalYearEndMonth"), text("industry"), integer("employeeCount"),
                contacts(), instant("sourceUpdatedAt"), List.copyOf(violations));
    }

    private List<ClientProfileInput.ContactInput> contacts() {
        JsonNode contacts = node.get("contacts");
        if (contacts == null || contacts.isNull()) {
            return null;
        }
        if (!contacts.isArray()) {
            violations.add(new Violation(prefix + "contacts", "type"));
            return null;
        }
        List<ClientProfileInput.ContactInput> list = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            JsonNode c = contacts.get(i);
            String at = "contacts[" + i + "].";
            if (!c.isObject()) {
                violations.add(new Violation(prefix + "contacts[" + i + "]", "type"));
                continue;
            }
            List<String> roles = new ArrayList<>();
            JsonNode roleNode = c.get("roles");
            if (roleNode != null && roleNode.isArray()) {
                Iterator<JsonNode> it = roleNode.elements();
                it.forEachRemaining(r -> roles.add(r.asText()));
            } else if (roleNode != null && !roleNode.isNull()) {
                violations.add(new Violation(prefix + at + "roles", "type"));
            }
            list.add(new ClientProfileInput.ContactInput(textOf(c, "externalId", at), textOf(c, "name", at),
                    textOf(c, "email", at), textOf(c, "phone", at), textOf(c, "title", at), roles,
                    textOf(c, "relationshipOwnerRole", at)));
        }
        return list;
    }

    private String text(String field) {
        return textOf(node, field, "");
    }

    private String textOf(JsonNode parent, String field, String at) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber() && field.equals("externalId")) {
            return value.asText();
        }
        violations.add(new Violation(prefix + at + field, "type"));
        return null;
    }

    private Integer integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        violations.add(new Violation(prefix + field, "type"));
        return null;
    }

    private BigDecimal decimal(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isTextual()) {
                return new BigDecimal(value.asText());
            }
        } catch (NumberFormatException e) {
            // falls through to the type violation
        }
        violations.add(new Violation(prefix + field, "type"));
        return null;
    }

    private LocalDate date(String field) {
        String text = text(field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(prefix + field, "type"));
            return null;
        }
    }

    private Instant instant(String field) {
        String text = text(field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(prefix + field, "type"));
            return null;
        }
    }
}
