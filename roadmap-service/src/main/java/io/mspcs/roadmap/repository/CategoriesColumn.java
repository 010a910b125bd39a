package io.mspcs.roadmap.repository;

import java.util.List;

/** {@code assessment_template.categories}: categories with their items, inside an object (see {@link HealthLinksColumn}). */
public record CategoriesColumn(List<Category> items) {

    public record Category(String code, String name, List<Item> items) {
    }

    public record Item(String code, String text, String priority, String dimension, String insightCode) {
    }

    public CategoriesColumn {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
