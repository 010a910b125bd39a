package io.mspcs.health.domain;

/** Registry status as segmentation publishes it. */
public enum ClientStatus {
    ACTIVE, CHURNED
}
