package io.mspcs.health.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mspcs.health.domain.ItemProblem;
import io.mspcs.health.service.IngestReport;

import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkSignalsView(UUID batchId, Summary summary, List<Item> items) {

    public record Summary(int received, int created, int updated, int unchanged, int rejected) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String status, UUID signalId, UUID clientId, Boolean current, Boolean stale,
                       ItemProblemView problem) {
    }

    /** The item's problem in problem+json shape (health.md §6). */
    public record ItemProblemView(String type, int status, String title, List<FieldError> errors) {
    }

    public record FieldError(String field, String code) {
    }

    public static BulkSignalsView of(IngestReport report) {
        return new BulkSignalsView(report.batchId(), new Summary(report.received(), report.created(), report.updated(),
                report.unchanged(), report.rejected()),
                report.items().stream().map(i -> new Item(i.index(), i.status().name(), i.signalId(), i.clientId(),
                        i.current(), i.stale(), problem(i.problem()))).toList());
    }

    private static ItemProblemView problem(ItemProblem problem) {
        if (problem == null) {
            return null;
        }
        return new ItemProblemView("/problems/" + problem.slug(), problem.status(), problem.title(),
                problem.errors().stream().map(v -> new FieldError(v.field(), v.code())).toList());
    }
}
