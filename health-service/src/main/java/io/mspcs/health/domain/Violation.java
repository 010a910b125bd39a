package io.mspcs.health.domain;

/** One invalid field of an input, e.g. {@code items[2].coverage} / {@code range}. */
public record Violation(String field, String code) {
}
