package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The 1–5 maturity and appetite values segmentation derives from HealthScored (health.md §3.8); health does not
 * store them, but shows them in explanations and keeps the arithmetic tested next to the scores it feeds.
 */
public final class MaturityAppetite {

    private static final Map<Dimension, BigDecimal> MATURITY = weights("0.4", "0.3", "0.2", "0.1",
            Dimension.ADOPTION, Dimension.SERVICE_QUALITY, Dimension.ENGAGEMENT, Dimension.ALIGNMENT);
    private static final Map<Dimension, BigDecimal> APPETITE = weights("0.4", "0.3", "0.2", "0.1",
            Dimension.CX, Dimension.ENGAGEMENT, Dimension.ADOPTION, Dimension.ALIGNMENT);

    private MaturityAppetite() {
    }

    /** Index 0–100 (2 dp) over the dimensions with a score; null when none has one. */
    public static BigDecimal maturityIndex(Map<Dimension, BigDecimal> scores) {
        return index(MATURITY, scores);
    }

    public static BigDecimal appetiteIndex(Map<Dimension, BigDecimal> scores) {
        return index(APPETITE, scores);
    }

    /** {@code round_half_up(1 + 4·index/100, 1)}: 0 → 1.0, 50 → 3.0, 100 → 5.0. */
    public static BigDecimal toScale(BigDecimal index) {
        return BigDecimal.ONE.add(BigDecimal.valueOf(4).multiply(index).divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP))
                .setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal index(Map<Dimension, BigDecimal> weights, Map<Dimension, BigDecimal> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weight = BigDecimal.ZERO;
        for (Map.Entry<Dimension, BigDecimal> entry : weights.entrySet()) {
            BigDecimal score = scores.get(entry.getKey());
            if (score != null) {
                sum = sum.add(entry.getValue().multiply(score));
                weight = weight.add(entry.getValue());
            }
        }
        return weight.signum() == 0 ? null : sum.divide(weight, 2, RoundingMode.HALF_UP);
    }

    private static Map<Dimension, BigDecimal> weights(String w1, String w2, String w3, String w4, Dimension... dims) {
        Map<Dimension, BigDecimal> map = new EnumMap<>(Dimension.class);
        String[] values = {w1, w2, w3, w4};
        for (int i = 0; i < dims.length; i++) {
            map.put(dims[i], new BigDecimal(values[i]));
        }
        return map;
    }
}
