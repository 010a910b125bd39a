package io.mspcs.roadmap.repository;

/** The last saved figures of a budget in a canonical text form: equal text = nothing changed. */
public record FiguresColumn(String canonical) {
}
