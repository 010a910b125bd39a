package io.mspcs.roadmap.service;

/** A per-action gate override (roadmap.md §5.5): {@code FIX_FIRST}, {@code SEQUENCING}, {@code PRE_APPROVAL}, {@code BUDGET}. */
public record OverrideInput(String gate, String reason) {
}
