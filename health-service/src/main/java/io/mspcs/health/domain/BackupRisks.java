package io.mspcs.health.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Backup risks (health.md §3.10) from the client's latest BACKUP_RESULT. Each kind opens and clears once per
 * transition; a missing or expired result (older than its max age) opens nothing and clears nothing.
 */
public final class BackupRisks {

    public enum Kind { SUCCESS_RATE_LOW, NO_RECENT_SUCCESS, RESTORE_TEST_OVERDUE }

    /**
     * The latest backup result. {@code lastSuccessAtSent}/{@code lastRestoreTestAtSent} tell an absent field (not
     * evaluated) from one sent as null (never).
     */
    public record Result(String signalId, String source, Instant observedAt, BigDecimal successRate, int windowDays,
                         int jobsFailed, int devicesAffected, boolean lastSuccessAtSent, Instant lastSuccessAt,
                         boolean lastRestoreTestAtSent, Instant lastRestoreTestAt) {
    }

    public record Policy(BigDecimal minSuccessRate, BigDecimal clearMargin, Duration noSuccess, Duration restoreTest,
                         Duration maxAge) {

        public static Policy defaults() {
            return new Policy(new BigDecimal("0.95"), new BigDecimal("0.02"), Duration.ofHours(72), Duration.ofDays(90),
                    Duration.ofDays(7));
        }
    }

    public record Open(UUID riskId, Kind kind, Instant detectedAt) {
    }

    public record Change(boolean detected, Kind kind, UUID riskId, Instant detectedAt, BigDecimal threshold) {
    }

    private final Policy policy;
    private final Supplier<UUID> ids;

    public BackupRisks(Policy policy, Supplier<UUID> ids) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Changes in {@link Kind} order. */
    public List<Change> evaluate(Result latest, Map<Kind, Open> open, Instant now) {
        List<Change> changes = new ArrayList<>();
        if (latest == null || latest.observedAt().isBefore(now.minus(policy.maxAge()))) {
            return changes;
        }
        for (Kind kind : Kind.values()) {
            Boolean opens = opens(kind, latest, now);
            Boolean clears = clears(kind, latest, now);
            Open current = open.get(kind);
            if (current == null && Boolean.TRUE.equals(opens)) {
                changes.add(new Change(true, kind, ids.get(), now, threshold(kind)));
            } else if (current != null && Boolean.TRUE.equals(clears)) {
                changes.add(new Change(false, kind, current.riskId(), current.detectedAt(), threshold(kind)));
            }
        }
        return changes;
    }

    /** The client's current backup result: the BACKUP_RESULT with the latest observedAt, or null. */
    public static Result latest(List<SignalFact> signals) {
        SignalFact latest = null;
        for (SignalFact signal : signals) {
            if ("BACKUP_RESULT".equals(signal.type())
                    && (latest == null || signal.observedAt().isAfter(latest.observedAt()))) {
                latest = signal;
            }
        }
        if (latest == null) {
            return null;
        }
        Map<String, Object> v = latest.values();
        return new Result(latest.id(), latest.source(), latest.observedAt(), decimal(v.get("successRate")),
                integer(v.get("windowDays")), integer(v.get("jobsFailed")), integer(v.get("devicesAffected")),
                v.containsKey("lastSuccessAt"), instant(v.get("lastSuccessAt")), v.containsKey("lastRestoreTestAt"),
                instant(v.get("lastRestoreTestAt")));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    private static int integer(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static Instant instant(Object value) {
        return value instanceof String s ? Instant.parse(s) : null;
    }

    private BigDecimal threshold(Kind kind) {
        return kind == Kind.SUCCESS_RATE_LOW ? policy.minSuccessRate() : null;
    }

    /** null = not evaluable. */
    private Boolean opens(Kind kind, Result r, Instant now) {
        return switch (kind) {
            case SUCCESS_RATE_LOW -> r.successRate() == null ? null : r.successRate().compareTo(policy.minSuccessRate()) < 0;
            case NO_RECENT_SUCCESS -> !r.lastSuccessAtSent() || r.lastSuccessAt() == null ? null
                    : r.lastSuccessAt().isBefore(now.minus(policy.noSuccess()));
            case RESTORE_TEST_OVERDUE -> !r.lastRestoreTestAtSent() ? null
                    : r.lastRestoreTestAt() == null || r.lastRestoreTestAt().isBefore(now.minus(policy.restoreTest()));
        };
    }

    private Boolean clears(Kind kind, Result r, Instant now) {
        return switch (kind) {
            case SUCCESS_RATE_LOW -> r.successRate() == null ? null
                    : r.successRate().compareTo(policy.minSuccessRate().add(policy.clearMargin())) >= 0;
            case NO_RECENT_SUCCESS, RESTORE_TEST_OVERDUE -> {
                Boolean opens = opens(kind, r, now);
                yield opens == null ? null : !opens;
            }
        };
    }
}
