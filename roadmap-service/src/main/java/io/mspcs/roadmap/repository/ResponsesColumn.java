package io.mspcs.roadmap.repository;

import java.util.List;

/** {@code assessment.responses}: one answer per template item. */
public record ResponsesColumn(List<Response> items) {

    public record Response(String itemCode, String answer, String publicNote, String internalNote) {
    }

    public ResponsesColumn {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
