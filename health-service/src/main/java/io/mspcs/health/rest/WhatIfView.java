package io.mspcs.health.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.health.domain.HealthScore;
import io.mspcs.health.service.WhatIfService;

import java.math.BigDecimal;
import java.util.UUID;

/** A what-if result (health.md §6): the simulated score with its explanation, next to the current one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatIfView(UUID clientId, int modelVersion, String segmentUsed, BigDecimal composite, String color,
                         boolean compositeComplete, String completeness, BigDecimal dmi, BigDecimal tier1Dmi,
                         JsonNode dimensions, Current current) {

    /** The stored current score, for comparison; absent when the client has none. */
    public record Current(UUID scoreId, int modelVersion, BigDecimal composite, String color) {
    }

    /** A request: bulk-shaped signals (clientId and externalId optional), a model version (drafts too), a segment. */
    public record Request(java.util.List<Object> signals, Integer modelVersion, String segment) {
    }

    static WhatIfView of(UUID clientId, WhatIfService.WhatIf result) {
        HealthScore score = result.score();
        Current current = result.current() == null ? null : new Current(result.current().id,
                result.current().modelVersion, result.current().composite,
                result.current().compositeColor == null ? null : result.current().compositeColor.name());
        return new WhatIfView(clientId, result.modelVersion(), score.segmentUsed(), score.composite(),
                score.compositeColor() == null ? null : score.compositeColor().name(), score.compositeComplete(),
                score.completeDimensions() + " of 5 dimensions", result.sheet().dmi(), result.sheet().tier1Dmi(),
                ScoreJson.normalised(EventCodec.mapper().valueToTree(score.dimensions())), current);
    }
}
