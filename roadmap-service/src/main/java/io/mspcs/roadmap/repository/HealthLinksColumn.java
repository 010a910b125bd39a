package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.HealthLink;

import java.util.List;

/**
 * {@code initiative.health_links}: Hibernate Reactive binds JSON as a Vert.x {@code JsonObject}, so a list is
 * stored inside an object.
 */
public record HealthLinksColumn(List<HealthLink> items) {

    public HealthLinksColumn {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
