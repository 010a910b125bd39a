package io.mspcs.roadmap.repository;

import java.util.Map;
import java.util.UUID;

/**
 * The last saved figures of a budget in a canonical text form (equal text = nothing changed) and the derived lines
 * they came from, id to fingerprint, so the next save can name the derived lines it changed. {@code derivedLines} is
 * null on rows saved before lines were remembered.
 */
public record FiguresColumn(String canonical, Map<UUID, String> derivedLines) {
}
