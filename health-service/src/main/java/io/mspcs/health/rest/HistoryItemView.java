package io.mspcs.health.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.health.repository.ScoreRecordEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One history entry (health.md §6): the scores and colours, what changed, and markers such as MODEL_CHANGED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryItemView(UUID scoreId, Instant scoredAt, String trigger, int modelVersion, String segmentUsed,
                              BigDecimal composite, String color, boolean compositeComplete, JsonNode dimensions,
                              JsonNode changes, JsonNode markers) {

    public static HistoryItemView of(ScoreRecordEntity record) {
        ArrayNode dimensions = EventCodec.mapper().createArrayNode();
        for (JsonNode dimension : ScoreJson.normalised(record.body.path("dimensions"))) {
            ObjectNode brief = dimensions.addObject();
            brief.set("dimension", dimension.get("dimension"));
            brief.set("score", dimension.get("score"));
            brief.set("color", dimension.get("color"));
            brief.set("label", dimension.get("label"));
            brief.set("complete", dimension.get("complete"));
        }
        return new HistoryItemView(record.id, record.computedAt, record.trigger, record.modelVersion, record.segmentUsed,
                record.composite, record.compositeColor == null ? null : record.compositeColor.name(),
                record.compositeComplete, dimensions, ScoreJson.normalised(record.body.get("changes")),
                record.body.get("markers"));
    }
}
