package io.mspcs.segmentation.domain;

/** The owner roles a client can have (segmentation.md §2.5). */
public enum TeamRole {
    CSM, VCIO, TAM, AM
}
