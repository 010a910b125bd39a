package io.mspcs.roadmap.domain;

/** Budget category of a one-time amount; recurring amounts are always OPEX (roadmap.md §12.9). */
public enum SpendType {
    CAPEX, OPEX
}
