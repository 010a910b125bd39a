package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One dimension of a score (health.md §2.5). An incomplete dimension (present weight below the NA minimum) has no
 * score, colour or label beyond "Insufficient data", and stays out of the composite.
 */
public record DimensionScore(Dimension dimension, BigDecimal score, Color color, String label, boolean complete,
                             String method, BigDecimal presentWeight, Band band, String bandProfile,
                             String colorReason, List<Guardrail> guardrails, List<String> missing,
                             List<ScoreInput> inputs) {

    public DimensionScore {
        guardrails = List.copyOf(guardrails);
        missing = List.copyOf(missing);
        inputs = List.copyOf(inputs);
    }

    public record Guardrail(String code, boolean fired, BigDecimal value, BigDecimal limit) {
    }
}
