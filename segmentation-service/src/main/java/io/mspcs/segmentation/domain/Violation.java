package io.mspcs.segmentation.domain;

/** One invalid field of an input, e.g. {@code items[3].mrr.amount} / {@code min}. */
public record Violation(String field, String code) {
}
