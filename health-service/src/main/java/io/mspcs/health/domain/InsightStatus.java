package io.mspcs.health.domain;

/** Whether an insight has a value that counts in the DMI (health.md §3.2). */
public enum InsightStatus {
    OK, MISSING, EXPIRED
}
