package io.mspcs.health.domain;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A client's month close (health.md §2.5, §3.8): the colours at the close of {@code month}, {@code consecutiveReds}
 * per dimension and COMPOSITE, and the run of RED closes each one ends (a colourless month neither counts nor breaks
 * a run, so the run carries over it) — all a later close or colour change needs from the past.
 */
public record MonthlyClose(YearMonth month, Map<String, Color> colors, Map<String, Integer> consecutiveReds,
                           Map<String, Integer> redRuns) {

    /** The five dimensions then COMPOSITE. */
    public static final List<String> KEYS = Stream.concat(Stream.of(Dimension.values()).map(Dimension::name),
            Stream.of(HealthModel.COMPOSITE)).toList();

    public MonthlyClose {
        Objects.requireNonNull(month, "month");
        colors = Map.copyOf(colors);
        consecutiveReds = Map.copyOf(consecutiveReds);
        redRuns = Map.copyOf(redRuns);
    }

    /**
     * The close of {@code month} with the client's colours at that moment; {@code latest} is the client's previous
     * close, or null before the first.
     */
    public static MonthlyClose close(YearMonth month, Map<String, Color> colors, MonthlyClose latest) {
        Map<String, Color> present = new LinkedHashMap<>();
        Map<String, Integer> reds = new LinkedHashMap<>();
        Map<String, Integer> runs = new LinkedHashMap<>();
        for (String key : KEYS) {
            Color color = colors.get(key);
            int before = runBefore(latest, key);
            if (color != null) {
                present.put(key, color);
            }
            reds.put(key, consecutiveReds(color, latest, key));
            runs.put(key, color == null ? before : color == Color.RED ? before + 1 : 0);
        }
        return new MonthlyClose(month, present, reds, runs);
    }

    /**
     * {@code consecutiveReds} of one dimension (or COMPOSITE) now: 0 unless it is RED now, else 1 + the run of RED
     * month closes ending with {@code latest}.
     */
    public static int consecutiveReds(Color now, MonthlyClose latest, String key) {
        return now == Color.RED ? 1 + runBefore(latest, key) : 0;
    }

    private static int runBefore(MonthlyClose latest, String key) {
        return latest == null ? 0 : latest.redRuns().getOrDefault(key, 0);
    }
}
