package io.mspcs.health.domain;

/** INTERIM: taken by a recompute that moved the DMI materially; CYCLE: the monthly reading (health.md §3.3). */
public enum SnapshotKind {
    CYCLE, INTERIM
}
