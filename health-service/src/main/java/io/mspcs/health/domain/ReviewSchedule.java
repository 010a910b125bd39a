package io.mspcs.health.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code nextReviewAt} (health.md §2.3, §8): the next instant at which a time-based input of the client may change
 * without any new fact — a fact leaving a window (30, 90, 180 days), a value reaching its max age, 72 h without a
 * backup success, 120 days without a sponsor contact, an override expiring, or the cycle close. Every boundary any
 * rule uses is a candidate: reviewing at an instant where nothing changes only costs a recompute that writes nothing.
 */
public final class ReviewSchedule {

    private static final List<Duration> WINDOWS = List.of(Duration.ofDays(30), Duration.ofDays(90),
            Duration.ofDays(180));
    private static final List<Duration> MAX_AGES = List.of(Duration.ofDays(7), Duration.ofDays(30),
            Duration.ofDays(120));
    private static final Duration SPONSOR = Duration.ofDays(120);
    private static final Duration NO_SUCCESS = Duration.ofHours(72);
    private static final Duration RESTORE_TEST = Duration.ofDays(90);
    private static final Duration OPEN_PROPOSAL = Duration.ofDays(30);
    private static final Duration DAY = Duration.ofDays(1);

    private ReviewSchedule() {
    }

    /** The first instant of the month after {@code now}'s month in {@code zone}: the next cycle close. */
    public static Instant nextCycleClose(Instant now, ZoneId zone) {
        return YearMonth.from(now.atZone(zone)).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /**
     * @param manualMaxAge the max age of manual coverage for the client's band profile
     * @param expiries     other instants that change something (override expiries)
     */
    public static Instant next(Instant now, ZoneId zone, Instant registeredAt, List<SignalFact> signals,
                               Collection<CoverageReading> coverage, Duration manualMaxAge,
                               HealthFacts engagement, Collection<Instant> expiries) {
        Candidates next = new Candidates(now, nextCycleClose(now, zone));
        if (registeredAt != null) {
            next.offer(registeredAt.plus(SPONSOR));
        }
        for (SignalFact signal : signals) {
            next.windows(signal.eventTime());
            MAX_AGES.forEach(age -> next.offer(signal.observedAt().plus(age)));
            next.offer(signal.eventTime());
            if ("BACKUP_RESULT".equals(signal.type())) {
                Map<String, Object> values = signal.values();
                next.offer(plus(values.get("lastSuccessAt"), NO_SUCCESS));
                next.offer(plus(values.get("lastRestoreTestAt"), RESTORE_TEST));
            }
        }
        for (CoverageReading reading : coverage) {
            next.offer(reading.observedAt().plus(manualMaxAge));
            MAX_AGES.forEach(age -> next.offer(reading.observedAt().plus(age)));
        }
        for (HealthFacts.HeldMeeting meeting : engagement.meetings()) {
            next.windows(meeting.heldAt());
            next.offer(meeting.heldAt().plus(SPONSOR));
            next.offer(meeting.recapDueAt());
        }
        for (HealthFacts.MissedMeeting miss : engagement.misses()) {
            next.windows(miss.dueAt());
        }
        for (HealthFacts.Proposal proposal : engagement.proposals()) {
            if (proposal.sentAt() == null) {
                continue;
            }
            next.windows(proposal.sentAt());
            next.offer(proposal.sentAt().plus(OPEN_PROPOSAL));
            // an open proposal of 30 days or more counts with its current age, which grows every day
            if (proposal.decidedAt() == null && proposal.closedAt() == null
                    && !proposal.sentAt().plus(OPEN_PROPOSAL).isAfter(now)) {
                next.offer(now.plus(DAY));
            }
        }
        expiries.forEach(next::offer);
        return next.earliest;
    }

    private static Instant plus(Object isoInstant, Duration duration) {
        return isoInstant instanceof String s ? Instant.parse(s).plus(duration) : null;
    }

    /** The earliest instant after {@code now} offered so far. */
    private static final class Candidates {
        private final Instant now;
        private Instant earliest;

        Candidates(Instant now, Instant initial) {
            this.now = now;
            this.earliest = initial;
        }

        void offer(Instant candidate) {
            if (candidate != null && candidate.isAfter(now) && candidate.isBefore(earliest)) {
                earliest = candidate;
            }
        }

        void windows(Instant eventTime) {
            if (eventTime != null) {
                WINDOWS.forEach(window -> offer(eventTime.plus(window)));
            }
        }
    }
}
