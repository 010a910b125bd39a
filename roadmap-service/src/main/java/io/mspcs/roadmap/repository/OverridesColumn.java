package io.mspcs.roadmap.repository;

import java.util.List;

/** {@code proposal.overrides}: a list inside an object (see {@link HealthLinksColumn}). */
public record OverridesColumn(List<OverrideColumn> items) {

    public OverridesColumn {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
