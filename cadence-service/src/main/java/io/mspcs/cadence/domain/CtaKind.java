package io.mspcs.cadence.domain;

/** What sort of work a CTA is (cadence.md §5.1). */
public enum CtaKind {
    AT_RISK, REMEDIATION, HEALTH, ENGAGEMENT, LIFECYCLE, EXPANSION, ACTIVITY
}
