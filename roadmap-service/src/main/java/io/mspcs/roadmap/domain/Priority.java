package io.mspcs.roadmap.domain;

/** Initiative priority; remediation is HIGH, CRITICAL while a FIX_FIRST gate lists its insight. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW
}
