package io.mspcs.health.rest;

import io.mspcs.health.domain.Color;
import io.mspcs.health.domain.MonthlyClose;
import io.mspcs.health.repository.MonthlyCloseStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One month close (health.md §2.5) in the history with {@code monthly=true}: the colours at the close and
 * {@code consecutiveReds} per dimension and COMPOSITE; {@code scoreId} is the score record current at the close.
 */
public record MonthCloseView(String month, UUID scoreId, Map<String, String> colors,
                             Map<String, Integer> consecutiveReds) {

    static MonthCloseView of(MonthlyCloseStore.Stored stored) {
        Map<String, String> colors = new LinkedHashMap<>();
        Map<String, Integer> reds = new LinkedHashMap<>();
        for (String key : MonthlyClose.KEYS) {
            Color color = stored.close().colors().get(key);
            if (color != null) {
                colors.put(key, color.name());
            }
            reds.put(key, stored.close().consecutiveReds().getOrDefault(key, 0));
        }
        return new MonthCloseView(stored.close().month().toString(), stored.scoreId(), colors, reds);
    }
}
