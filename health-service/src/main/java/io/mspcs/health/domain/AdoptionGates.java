package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Adoption gates (health.md §3.10): FIX_FIRST opens when a gated insight's fresh coverage falls below its
 * {@code gateThreshold} and clears only when every failing insight is back at threshold + clear margin; SEQUENCING
 * follows the colour of {@code tier1Dmi} (ADOPTION bands with hysteresis). Missing or expired inputs open nothing and
 * clear nothing. An override suppresses the insights it covered until they recover or it expires.
 * Pure: the caller persists the returned state and emits one event per OPENED/REBREACHED/CLEARED change.
 */
public final class AdoptionGates {

    public static final int MAX_FAILING_IN_EVENT = 5;

    public enum Kind { FIX_FIRST, SEQUENCING }

    public enum Action {
        /** a new gate (new id) opens. */
        OPENED,
        /** a new insight fails on an open FIX_FIRST gate: re-emit with the same id and the full list. */
        REBREACHED,
        /** values of an open gate moved without a transition: stored, no event. */
        UPDATED,
        CLEARED
    }

    public record Failing(String insightCode, BigDecimal coverage, BigDecimal threshold, int weight) {

        BigDecimal severity() {
            return threshold.subtract(coverage).multiply(BigDecimal.valueOf(weight));
        }
    }

    /** An open gate as stored. */
    public record Open(UUID gateId, Kind kind, Instant openedAt, List<Failing> failing) {
    }

    /** What an active override still suppresses: insight codes (FIX_FIRST) or the whole gate (SEQUENCING). */
    public record Suppression(UUID gateId, Kind kind, Set<String> insights, Instant expiresAt) {

        boolean activeAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    public record Change(Action action, Kind kind, UUID gateId, Instant openedAt, List<Failing> failing) {

        public boolean emits() {
            return action != Action.UPDATED;
        }
    }

    /** {@code tier1Color} is the new last non-null colour; {@code suppressions} what overrides still hold. */
    public record Result(List<Change> changes, Color tier1Color, List<Suppression> suppressions) {
    }

    private final BigDecimal clearMargin;
    private final BigDecimal colorMargin;
    private final Supplier<UUID> ids;

    public AdoptionGates(BigDecimal clearMargin, BigDecimal colorMargin, Supplier<UUID> ids) {
        this.clearMargin = Objects.requireNonNull(clearMargin, "clearMargin");
        this.colorMargin = Objects.requireNonNull(colorMargin, "colorMargin");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public Result evaluate(DmiCatalog catalog, DmiSheet sheet, Color previousTier1Color, Map<Kind, Open> open,
                           List<Suppression> suppressions, Instant now) {
        List<Change> changes = new ArrayList<>();
        List<Suppression> left = new ArrayList<>();
        Suppression fixFirstOverride = active(suppressions, Kind.FIX_FIRST, now);
        Suppression sequencingOverride = active(suppressions, Kind.SEQUENCING, now);

        // FIX_FIRST
        Map<String, Insight> gated = catalog.active().stream().filter(i -> i.gateThreshold() != null)
                .collect(Collectors.toMap(Insight::code, i -> i));
        Map<String, DmiSheet.Line> fresh = sheet.measured().stream().filter(l -> gated.containsKey(l.code()))
                .collect(Collectors.toMap(DmiSheet.Line::code, l -> l));
        Set<String> recovered = new LinkedHashSet<>();
        List<Failing> below = new ArrayList<>();
        for (DmiSheet.Line line : fresh.values()) {
            BigDecimal threshold = gated.get(line.code()).gateThreshold();
            if (line.coverage().compareTo(threshold) < 0) {
                below.add(new Failing(line.code(), line.coverage(), threshold, line.weight()));
            } else if (line.coverage().compareTo(threshold.add(clearMargin)) >= 0) {
                recovered.add(line.code());
            }
        }
        if (fixFirstOverride != null) {
            Set<String> still = new LinkedHashSet<>(fixFirstOverride.insights());
            still.removeAll(recovered);
            below.removeIf(f -> still.contains(f.insightCode()));
            if (!still.isEmpty()) {
                left.add(new Suppression(fixFirstOverride.gateId(), Kind.FIX_FIRST, still, fixFirstOverride.expiresAt()));
            }
        }
        Open fixFirst = open.get(Kind.FIX_FIRST);
        if (fixFirst == null) {
            if (!below.isEmpty()) {
                changes.add(new Change(Action.OPENED, Kind.FIX_FIRST, ids.get(), now, ordered(below)));
            }
        } else {
            List<Failing> failing = new ArrayList<>();
            Set<String> known = new LinkedHashSet<>();
            for (Failing previous : fixFirst.failing()) {
                known.add(previous.insightCode());
                if (!gated.containsKey(previous.insightCode()) || recovered.contains(previous.insightCode())) {
                    continue;
                }
                DmiSheet.Line line = fresh.get(previous.insightCode());
                failing.add(line == null ? previous
                        : new Failing(previous.insightCode(), line.coverage(), previous.threshold(), line.weight()));
            }
            List<Failing> added = below.stream().filter(f -> !known.contains(f.insightCode())).toList();
            failing.addAll(added);
            if (!added.isEmpty()) {
                changes.add(new Change(Action.REBREACHED, Kind.FIX_FIRST, fixFirst.gateId(), fixFirst.openedAt(),
                        ordered(failing)));
            } else if (failing.isEmpty()) {
                changes.add(new Change(Action.CLEARED, Kind.FIX_FIRST, fixFirst.gateId(), fixFirst.openedAt(),
                        fixFirst.failing()));
            } else if (!ordered(failing).equals(fixFirst.failing())) {
                changes.add(new Change(Action.UPDATED, Kind.FIX_FIRST, fixFirst.gateId(), fixFirst.openedAt(),
                        ordered(failing)));
            }
        }

        // SEQUENCING
        Color tier1Color = previousTier1Color;
        if (sheet.tier1Dmi() != null) {
            tier1Color = sheet.band().colorOf(sheet.tier1Dmi(), previousTier1Color, colorMargin);
            List<Failing> failing = ordered(sheet.measured().stream()
                    .filter(l -> l.tier() == 1 && l.coverage().compareTo(l.target()) < 0)
                    .map(l -> new Failing(l.code(), l.coverage(), l.target(), l.weight())).toList());
            boolean green = tier1Color == Color.GREEN;
            boolean suppressed = sequencingOverride != null && !green;
            if (suppressed) {
                left.add(sequencingOverride);
            }
            Open sequencing = open.get(Kind.SEQUENCING);
            if (sequencing == null) {
                if (!green && !suppressed) {
                    changes.add(new Change(Action.OPENED, Kind.SEQUENCING, ids.get(), now, failing));
                }
            } else if (green) {
                changes.add(new Change(Action.CLEARED, Kind.SEQUENCING, sequencing.gateId(), sequencing.openedAt(),
                        sequencing.failing()));
            } else if (!failing.equals(sequencing.failing())) {
                changes.add(new Change(Action.UPDATED, Kind.SEQUENCING, sequencing.gateId(), sequencing.openedAt(),
                        failing));
            }
        } else if (sequencingOverride != null) {
            left.add(sequencingOverride);
        }
        return new Result(changes, tier1Color, left);
    }

    /** By weight × (threshold − coverage) desc, then code (health.md §3.10). */
    static List<Failing> ordered(List<Failing> failing) {
        return failing.stream().sorted(Comparator.comparing(Failing::severity).reversed()
                .thenComparing(Failing::insightCode)).toList();
    }

    private static Suppression active(List<Suppression> suppressions, Kind kind, Instant now) {
        return suppressions.stream().filter(s -> s.kind() == kind && s.activeAt(now)).findFirst().orElse(null);
    }
}
