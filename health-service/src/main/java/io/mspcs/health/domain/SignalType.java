package io.mspcs.health.domain;

/**
 * The signal types PSA/RMM push (health.md §4), with their {@code SignalsIngested} kind and, for coverage-like
 * types, the insight they feed. State types keep a current value (latest observedAt wins); the others are facts
 * counted in windows of their event time.
 */
public enum SignalType {
    MFA_COVERAGE("IDENTITY", "MFA", true),
    ENDPOINT_PROTECTION_COVERAGE("AV", "ENDPOINT_PROTECTION", true),
    PATCH_COMPLIANCE("PATCH", "PATCH_COMPLIANCE", true),
    INSIGHT_COVERAGE("USAGE", null, true),
    BACKUP_RESULT("BACKUP", "BACKUP_SUCCESS", true),
    TICKET_RESULT("TICKET_SLA", null, false),
    MILESTONE("OTHER", null, false),
    SURVEY_RESPONSE("SURVEY", null, false),
    COMPLAINT("OTHER", null, false),
    EXEC_SPONSOR_CONTACT("OTHER", null, false),
    SERVICE_COVERAGE("OTHER", null, true);

    private final String kind;
    private final String insightCode;
    private final boolean state;

    SignalType(String kind, String insightCode, boolean state) {
        this.kind = kind;
        this.insightCode = insightCode;
        this.state = state;
    }

    public String kind() {
        return kind;
    }

    /** The insight a coverage type feeds; null for INSIGHT_COVERAGE (named per item) and non-coverage types. */
    public String insightCode() {
        return insightCode;
    }

    public boolean state() {
        return state;
    }

    public boolean coverageForm() {
        return this == MFA_COVERAGE || this == ENDPOINT_PROTECTION_COVERAGE || this == PATCH_COMPLIANCE
                || this == INSIGHT_COVERAGE;
    }

    public static SignalType parse(String value) {
        for (SignalType type : values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return null;
    }
}
