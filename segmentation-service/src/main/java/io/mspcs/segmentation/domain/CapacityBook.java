package io.mspcs.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One member's book in one role, its load and breaches (segmentation.md §4.1–§4.2). */
public record CapacityBook(UUID memberId, TeamRole role, BigDecimal allocation, CapacityUnit unit, BigDecimal hoursPerMonth,
                           List<BookClient> clients) {

    public enum CapacityUnit { ACCOUNTS, HOURS }

    public enum BreachKind { RED_YELLOW_SHARE, OVER_CAPACITY }

    /** An active client in the book: its effective segment, latest composite colour (null = unscored) and size. */
    public record BookClient(UUID clientId, Segment segment, String color, BigDecimal mrr, Instant assignedAt,
                             BigDecimal monthlyHours) {
        boolean redOrYellow() {
            return "RED".equals(color) || "YELLOW".equals(color);
        }
    }

    public record Suggestion(UUID clientId, UUID toMemberId, String reason) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public long scored() {
        return clients.stream().filter(c -> c.color() != null).count();
    }

    public long count(String color) {
        return clients.stream().filter(c -> color.equals(c.color())).count();
    }

    /** Σ 1/maxAccounts[role][segment] for ACCOUNTS, Σ monthlyHours × roleHourShare for HOURS. */
    public BigDecimal load(SegmentationPolicy.Capacity policy) {
        BigDecimal load = BigDecimal.ZERO;
        for (BookClient client : clients) {
            load = load.add(loadOf(client, policy));
        }
        return load;
    }

    public BigDecimal utilisationPct(SegmentationPolicy.Capacity policy) {
        BigDecimal denominator = unit == CapacityUnit.HOURS ? hoursPerMonth.multiply(allocation) : allocation;
        if (denominator.signum() == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return load(policy).multiply(HUNDRED).divide(denominator, 1, RoundingMode.HALF_UP);
    }

    /** (red + yellow) / scored × 100, or null when fewer than the minimum of scored accounts. */
    public BigDecimal redYellowPct(SegmentationPolicy.Capacity policy) {
        long scored = scored();
        if (scored == 0 || scored < policy.minScoredAccounts()) {
            return null;
        }
        return share(clients.stream().filter(BookClient::redOrYellow).count(), scored);
    }

    public List<BreachKind> breaches(SegmentationPolicy.Capacity policy) {
        List<BreachKind> breaches = new ArrayList<>();
        BigDecimal share = role == TeamRole.CSM ? redYellowPct(policy) : null;
        if (share != null && share.compareTo(policy.redYellowMaxPct()) > 0) {
            breaches.add(BreachKind.RED_YELLOW_SHARE);
        }
        if (utilisationPct(policy).compareTo(HUNDRED) > 0) {
            breaches.add(BreachKind.OVER_CAPACITY);
        }
        return breaches;
    }

    /**
     * The fewest moves that clear a breach, most recently assigned (then lower MRR, then id) first, each to the
     * active member with room whose utilisation (then share, then id) is lowest, planned moves counted. Never applied.
     */
    public List<Suggestion> suggest(BreachKind kind, List<CapacityBook> others, SegmentationPolicy.Capacity policy) {
        List<BookClient> candidates = clients.stream()
                .filter(c -> kind == BreachKind.OVER_CAPACITY || c.redOrYellow())
                .sorted(Comparator.comparing(BookClient::assignedAt, Comparator.reverseOrder())
                        .thenComparing(BookClient::mrr).thenComparing(BookClient::clientId))
                .toList();
        List<BookClient> remaining = new ArrayList<>(clients);
        List<BookClient> moving = new ArrayList<>();
        for (BookClient candidate : candidates) {
            if (!withClients(remaining).breaches(policy).contains(kind)) {
                break;
            }
            remaining.remove(candidate);
            moving.add(candidate);
        }
        Map<UUID, CapacityBook> planned = new java.util.LinkedHashMap<>();
        others.stream().filter(o -> !o.memberId.equals(memberId) && o.role == role).forEach(o -> planned.put(o.memberId, o));
        List<Suggestion> suggestions = new ArrayList<>();
        for (BookClient client : moving) {
            CapacityBook target = planned.values().stream()
                    .map(book -> book.withClients(plus(book.clients, client)))
                    .filter(after -> after.fits(policy))
                    .sorted(Comparator.comparing((CapacityBook after) -> after.utilisationPct(policy))
                            .thenComparing(after -> after.shareOrZero(policy))
                            .thenComparing(CapacityBook::memberId))
                    .findFirst().orElse(null);
            if (target == null) {
                suggestions.add(new Suggestion(client.clientId(), null, "NO_CAPACITY"));
            } else {
                planned.put(target.memberId, target);
                suggestions.add(new Suggestion(client.clientId(), target.memberId, kind.name()));
            }
        }
        return suggestions;
    }

    private boolean fits(SegmentationPolicy.Capacity policy) {
        BigDecimal share = redYellowPct(policy);
        return (share == null || share.compareTo(policy.redYellowMaxPct()) <= 0)
                && utilisationPct(policy).compareTo(HUNDRED) <= 0;
    }

    private BigDecimal shareOrZero(SegmentationPolicy.Capacity policy) {
        BigDecimal share = redYellowPct(policy);
        return share == null ? BigDecimal.ZERO : share;
    }

    private CapacityBook withClients(List<BookClient> newClients) {
        return new CapacityBook(memberId, role, allocation, unit, hoursPerMonth, List.copyOf(newClients));
    }

    private static List<BookClient> plus(List<BookClient> clients, BookClient client) {
        List<BookClient> all = new ArrayList<>(clients);
        all.add(client);
        return all;
    }

    private BigDecimal loadOf(BookClient client, SegmentationPolicy.Capacity policy) {
        if (unit == CapacityUnit.HOURS) {
            BigDecimal hours = client.monthlyHours() == null ? BigDecimal.ZERO : client.monthlyHours();
            return hours.multiply(policy.roleHourShare().get(role));
        }
        int max = policy.maxAccounts().get(role).get(client.segment());
        return BigDecimal.ONE.divide(BigDecimal.valueOf(max), 10, RoundingMode.HALF_UP);
    }

    /** Counts per segment for the book report. */
    public Map<Segment, List<BookClient>> bySegment() {
        Map<Segment, List<BookClient>> map = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            map.put(segment, clients.stream().filter(c -> c.segment() == segment).toList());
        }
        return map;
    }

    static BigDecimal share(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
