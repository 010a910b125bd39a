package io.mspcs.roadmap.domain;

import java.math.BigDecimal;

/** What an initiative fixes: a health dimension and, for adoption work, the DMI insight. */
public record HealthLink(String dimension, String insightCode, BigDecimal expectedPoints) {

    public static final String ADOPTION = "ADOPTION";

    public static HealthLink adoption(String insightCode) {
        return new HealthLink(ADOPTION, insightCode, null);
    }

    public HealthLink withInsight(String code) {
        return new HealthLink(dimension, code, expectedPoints);
    }
}
