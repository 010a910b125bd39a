package io.mspcs.cadence.domain;

/** Who opened a CTA (cadence.md §5.1). */
public enum CtaSource {
    RULE, PLAYBOOK, MANUAL, API
}
