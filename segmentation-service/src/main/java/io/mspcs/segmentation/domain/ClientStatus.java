package io.mspcs.segmentation.domain;

public enum ClientStatus {
    ACTIVE, CHURNED
}
