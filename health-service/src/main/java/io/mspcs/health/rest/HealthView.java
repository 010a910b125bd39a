package io.mspcs.health.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.health.repository.HealthAlertEntity;
import io.mspcs.health.repository.ScoreRecordEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Current health with its explanation (health.md §6): every dimension with its inputs, their values, weights,
 * contributions and data age (computed now), plus the top movers since the previous score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthView(UUID clientId, UUID scoreId, Instant scoredAt, String trigger, Integer modelVersion,
                         Integer catalogVersion, String segmentUsed, BigDecimal composite, String color,
                         boolean compositeComplete, String completeness, Instant dataAsOf, JsonNode dimensions,
                         List<JsonNode> topMovers, JsonNode markers, List<GateViews.Gate> gates,
                         List<GateViews.Risk> backupRisks) {

    static final int TOP_MOVERS = 5;

    public static HealthView of(UUID clientId, ScoreRecordEntity record, List<HealthAlertEntity> openAlerts, Instant now) {
        GateViews open = GateViews.of(openAlerts);
        if (record == null) {
            return new HealthView(clientId, null, null, null, null, null, null, null, null, false, "0 of 5 dimensions",
                    null, null, List.of(), null, open.gates(), open.backupRisks());
        }
        ArrayNode dimensions = (ArrayNode) ScoreJson.normalised(record.body.get("dimensions"));
        for (JsonNode dimension : dimensions) {
            for (JsonNode input : dimension.path("inputs")) {
                JsonNode asOf = input.get("asOf");
                if (asOf != null && asOf.isTextual()) {
                    ((ObjectNode) input).put("ageDays", Duration.between(Instant.parse(asOf.asText()), now).toDays());
                }
            }
        }
        return new HealthView(clientId, record.id, record.computedAt, record.trigger, record.modelVersion,
                record.catalogVersion, record.segmentUsed, record.composite,
                record.compositeColor == null ? null : record.compositeColor.name(), record.compositeComplete,
                record.body.path("completeDimensions").asInt() + " of 5 dimensions", record.dataAsOf, dimensions,
                topMovers(ScoreJson.normalised(record.body.get("changes"))), record.body.get("markers"), open.gates(),
                open.backupRisks());
    }

    /** Input changes ranked by how far their contribution moved. */
    static List<JsonNode> topMovers(JsonNode changes) {
        List<JsonNode> movers = new ArrayList<>();
        if (changes == null) {
            return movers;
        }
        changes.forEach(change -> {
            if (change.hasNonNull("input")) {
                movers.add(change);
            }
        });
        movers.sort(Comparator.comparing(HealthView::movement).reversed());
        return movers.size() > TOP_MOVERS ? movers.subList(0, TOP_MOVERS) : movers;
    }

    private static BigDecimal movement(JsonNode change) {
        BigDecimal from = change.hasNonNull("contributionFrom") ? change.get("contributionFrom").decimalValue() : BigDecimal.ZERO;
        BigDecimal to = change.hasNonNull("contributionTo") ? change.get("contributionTo").decimalValue() : BigDecimal.ZERO;
        return to.subtract(from).abs();
    }
}
