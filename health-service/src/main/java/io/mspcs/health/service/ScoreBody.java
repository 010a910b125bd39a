package io.mspcs.health.service;

import io.mspcs.health.domain.DimensionScore;
import io.mspcs.health.domain.ScoreChange;
import io.mspcs.health.domain.ScoreSummary;

import java.util.List;

/** The JSON body of a score record: the explanation plus the summary the next recompute compares with. */
public record ScoreBody(List<DimensionScore> dimensions, List<ScoreChange.Change> changes, List<Marker> markers,
                        List<String> triggerRefs, int completeDimensions, ScoreSummary summary) {

    /** MODEL_CHANGED {fromVersion, toVersion}, CATALOG_CHANGED {fromVersion, toVersion}, SEGMENT_CHANGED {from, to}. */
    public record Marker(String type, Integer fromVersion, Integer toVersion, String from, String to) {
    }
}
