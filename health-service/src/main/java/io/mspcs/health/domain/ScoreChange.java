package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a recompute is worth a record (health.md §5.3) and what changed: a colour or completeness change, the
 * composite or a dimension moving at least the materiality delta, or a different model, catalogue or segment.
 * Colour transitions compare with the last non-null colour, so RED → null → RED is silent.
 */
public final class ScoreChange {

    private ScoreChange() {
    }

    public record Transition(String dimension, Color color, Color previousColor, BigDecimal score,
                             BigDecimal previousScore) {
    }

    public record Change(String dimension, String input, BigDecimal from, BigDecimal to, BigDecimal contributionFrom,
                         BigDecimal contributionTo) {
    }

    public static Map<String, BigDecimal> scores(HealthScore score) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        score.dimensions().forEach(d -> map.put(d.dimension().name(), d.score()));
        map.put(HealthModel.COMPOSITE, score.composite());
        return map;
    }

    public static Map<String, Color> colors(HealthScore score) {
        Map<String, Color> map = new LinkedHashMap<>();
        score.dimensions().forEach(d -> map.put(d.dimension().name(), d.color()));
        map.put(HealthModel.COMPOSITE, score.compositeColor());
        return map;
    }

    public static Map<String, Boolean> complete(HealthScore score) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        score.dimensions().forEach(d -> map.put(d.dimension().name(), d.complete()));
        map.put(HealthModel.COMPOSITE, score.compositeComplete());
        return map;
    }

    public static boolean material(ScoreSummary previous, HealthScore score, int modelVersion, int catalogVersion,
                                   BigDecimal materialDelta) {
        if (previous == null) {
            return true;
        }
        if (previous.modelVersion() != modelVersion || previous.catalogVersion() != catalogVersion
                || !Objects.equals(previous.segmentUsed(), score.segmentUsed())
                || !same(previous.colors(), colors(score)) || !same(previous.complete(), complete(score))) {
            return true;
        }
        Map<String, BigDecimal> now = scores(score);
        for (Map.Entry<String, BigDecimal> entry : now.entrySet()) {
            BigDecimal before = previous.scores().get(entry.getKey());
            if (entry.getValue() != null && before != null
                    && entry.getValue().subtract(before).abs().compareTo(materialDelta) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Colour events in enum order, COMPOSITE last (§5.3); a null colour emits nothing. */
    public static List<Transition> transitions(ScoreSummary previous, HealthScore score) {
        List<Transition> transitions = new ArrayList<>();
        Map<String, Color> colors = colors(score);
        Map<String, BigDecimal> scores = scores(score);
        Map<String, Color> last = previous == null ? Map.of() : previous.lastColors();
        Map<String, BigDecimal> lastScores = previous == null ? Map.of() : previous.lastScores();
        colors.forEach((dimension, color) -> {
            if (color != null && color != last.get(dimension)) {
                transitions.add(new Transition(dimension, color, last.get(dimension), scores.get(dimension),
                        lastScores.get(dimension)));
            }
        });
        return transitions;
    }

    /** The last non-null colour and its score per dimension after this score. */
    public static ScoreSummary summarise(HealthScore score, int modelVersion, int catalogVersion, ScoreSummary previous) {
        Map<String, Color> lastColors = new HashMap<>(previous == null ? Map.of() : previous.lastColors());
        Map<String, BigDecimal> lastScores = new HashMap<>(previous == null ? Map.of() : previous.lastScores());
        Map<String, BigDecimal> scores = scores(score);
        colors(score).forEach((dimension, color) -> {
            if (color != null) {
                lastColors.put(dimension, color);
                lastScores.put(dimension, scores.get(dimension));
            }
        });
        return new ScoreSummary(modelVersion, catalogVersion, score.segmentUsed(), scores, colors(score),
                complete(score), lastColors, lastScores);
    }

    /** Score changes vs the previous record, dimensions then inputs whose sub-score moved (≤ 50). */
    public static List<Change> changes(ScoreSummary previous, HealthScore score, Map<String, Map<String, BigDecimal[]>> previousInputs) {
        List<Change> changes = new ArrayList<>();
        if (previous == null) {
            return changes;
        }
        scores(score).forEach((dimension, value) -> {
            BigDecimal before = previous.scores().get(dimension);
            if (!sameValue(before, value)) {
                changes.add(new Change(dimension, null, before, value, null, null));
            }
        });
        for (DimensionScore dimension : score.dimensions()) {
            Map<String, BigDecimal[]> before = previousInputs.getOrDefault(dimension.dimension().name(), Map.of());
            for (ScoreInput input : dimension.inputs()) {
                BigDecimal[] old = before.get(input.key());
                BigDecimal oldSub = old == null ? null : old[0];
                BigDecimal oldContribution = old == null ? null : old[1];
                if (!sameValue(oldSub, input.subScore()) || !sameValue(oldContribution, input.contribution())) {
                    changes.add(new Change(dimension.dimension().name(), input.key(), oldSub, input.subScore(),
                            oldContribution, input.contribution()));
                }
            }
        }
        return changes.size() > 50 ? changes.subList(0, 50) : changes;
    }

    /** Map equality where an absent key equals a null value (stored summaries may omit nulls). */
    private static boolean same(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            Object x = a.get(key);
            Object y = b.get(key);
            if (Boolean.FALSE.equals(x)) {
                x = null;
            }
            if (Boolean.FALSE.equals(y)) {
                y = null;
            }
            if (!Objects.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
