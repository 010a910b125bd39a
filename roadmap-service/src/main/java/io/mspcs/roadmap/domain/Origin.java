package io.mspcs.roadmap.domain;

/** Where an initiative came from (roadmap.md §3.2). */
public enum Origin {
    ASSESSMENT_FINDING, REMEDIATION_CTA, DMI_DROP, ADOPTION_GATE, DISCOVERY, MANUAL, IMPORT;

    public boolean isRemediation() {
        return this == REMEDIATION_CTA || this == DMI_DROP || this == ADOPTION_GATE;
    }
}
