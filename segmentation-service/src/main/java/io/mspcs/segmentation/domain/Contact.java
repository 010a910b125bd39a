package io.mspcs.segmentation.domain;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A client contact (segmentation.md §2.1); identity within the client is externalId, else the lower-cased e-mail. */
public record Contact(UUID id, String externalId, String name, String email, String phone, String title,
                      List<String> roles, String relationshipOwnerRole) {

    public static final List<String> ROLES = List.of("EXEC_SPONSOR", "DECISION_MAKER", "BUDGET_HOLDER", "IT_LEAD",
            "OPS_ADMIN", "COMPLIANCE_RISK", "TECHNICAL", "BILLING", "OTHER");

    public String identity() {
        if (externalId != null) {
            return "x:" + externalId;
        }
        return email == null ? null : "e:" + email.toLowerCase(Locale.ROOT);
    }

    /** Same content, ignoring the id the registry gave it. */
    public boolean sameContent(Contact other) {
        return java.util.Objects.equals(externalId, other.externalId) && name.equals(other.name)
                && java.util.Objects.equals(email, other.email) && java.util.Objects.equals(phone, other.phone)
                && java.util.Objects.equals(title, other.title) && roles.equals(other.roles)
                && java.util.Objects.equals(relationshipOwnerRole, other.relationshipOwnerRole);
    }

    public Contact withId(UUID newId) {
        return new Contact(newId, externalId, name, email, phone, title, roles, relationshipOwnerRole);
    }
}
