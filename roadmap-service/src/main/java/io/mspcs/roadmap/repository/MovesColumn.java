package io.mspcs.roadmap.repository;

import java.util.List;

/** {@code roadmap_version.moves}, a list kept inside an object for the same reason as {@link HealthLinksColumn}. */
public record MovesColumn(List<StoredMove> items) {

    public MovesColumn {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
