package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.util.List;

/** The catalogue every tenant starts with (health.md §2.2, version 1). */
public final class DefaultDmiCatalog {

    public static final int VERSION = 1;

    private DefaultDmiCatalog() {
    }

    public static DmiCatalog v1() {
        return new DmiCatalog(VERSION, List.of(
                insight("MFA", "Multi-factor authentication",
                        "Share of user accounts enrolled in multi-factor authentication; test and service accounts are left out.",
                        "Identity provider", "IDENTITY_ACCESS", 5, "0.95", 1, "0.60", "MFA_COVERAGE"),
                insight("ENDPOINT_PROTECTION", "Endpoint protection",
                        "Share of managed endpoints running a current, healthy protection agent.",
                        "RMM or EDR console", "SECURITY", 4, "0.98", 1, "0.80", "ENDPOINT_PROTECTION_COVERAGE"),
                insight("PATCH_COMPLIANCE", "Patch compliance",
                        "Share of endpoints with operating-system and third-party patches applied within 14 days.",
                        "RMM patch report", "ENDPOINT_LIFECYCLE", 4, "0.95", 1, null, "PATCH_COMPLIANCE"),
                insight("BACKUP_SUCCESS", "Backup success",
                        "Share of backup jobs that completed successfully over the reporting window.",
                        "Backup platform", "BACKUP_DR", 4, "0.98", 1, null, "BACKUP_RESULT"),
                insight("EMAIL_SECURITY", "E-mail security",
                        "Share of mailboxes behind filtering, sender authentication and link protection.",
                        "Mail security gateway", "SECURITY", 3, "0.95", 1, null, "INSIGHT_COVERAGE"),
                insight("CONDITIONAL_ACCESS", "Conditional access",
                        "Share of users whose sign-ins are governed by conditional-access policies.",
                        "Identity provider", "IDENTITY_ACCESS", 3, "0.90", 2, null, "INSIGHT_COVERAGE"),
                insight("DEVICE_ENCRYPTION", "Device encryption",
                        "Share of laptops and workstations with full-disk encryption switched on.",
                        "RMM or device management", "SECURITY", 2, "0.90", 2, null, "INSIGHT_COVERAGE"),
                insight("COLLABORATION_USAGE", "Collaboration usage",
                        "Share of licensed users active in the collaboration suite during the last 30 days.",
                        "Productivity suite usage reports", "PRODUCTIVITY_COLLAB", 2, "0.70", 2, null, "INSIGHT_COVERAGE")));
    }

    private static Insight insight(String code, String name, String definition, String dataSource, String category,
                                   int weight, String target, int tier, String gate, String signalType) {
        return new Insight(code, name, definition, dataSource, category, weight, new BigDecimal(target), tier,
                gate == null ? null : new BigDecimal(gate), signalType, true);
    }
}
