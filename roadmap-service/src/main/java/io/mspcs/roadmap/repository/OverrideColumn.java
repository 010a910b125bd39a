package io.mspcs.roadmap.repository;

/** One per-action gate override (roadmap.md §5.5): the gate, the reason, who used it. */
public record OverrideColumn(String gate, String reason, String actorId) {
}
