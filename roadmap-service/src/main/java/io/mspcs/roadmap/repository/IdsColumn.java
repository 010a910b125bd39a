package io.mspcs.roadmap.repository;

import java.util.List;
import java.util.UUID;

/** A list of ids inside an object (see {@link HealthLinksColumn}). */
public record IdsColumn(List<UUID> items) {

    public IdsColumn {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
