package io.mspcs.cadence.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The SLA arithmetic of cadence.md §4.3 on a tenant's {@link WorkingCalendar}. Day-based dues fall at the close
 * of business (17:00 by default) in the tenant's zone.
 */
public final class SlaCalculator {

    private final WorkingCalendar calendar;

    public SlaCalculator(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Event- or request-driven CTAs start their SLA at the opening instant, truncated to seconds. */
    public static Instant slaStartAt(Instant openedAt) {
        return openedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public Instant dueAt(Instant slaStartAt, SlaOffset offset) {
        return switch (offset.unit()) {
            case HOURS -> slaStartAt.plus(Duration.ofHours(offset.amount()));
            case DAYS -> closeOfBusiness(calendar.onOrAfterWorkingDay(localDate(slaStartAt).plusDays(offset.amount())));
            case BUSINESS_DAYS -> closeOfBusiness(nthWorkingDayAfter(localDate(slaStartAt), offset.amount()));
            case BUSINESS_HOURS -> addWorkingTime(slaStartAt, Duration.ofHours(offset.amount()));
        };
    }

    /** Absolute dues (renewal − 60 d, FY end − 7 d): close of business that day, or the next working day. */
    public Instant dueOn(LocalDate date) {
        return closeOfBusiness(calendar.onOrAfterWorkingDay(date));
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(calendar.zone()).toLocalDate();
    }

    private Instant closeOfBusiness(LocalDate date) {
        return date.atTime(calendar.closesAt()).atZone(calendar.zone()).toInstant();
    }

    private LocalDate nthWorkingDayAfter(LocalDate start, int n) {
        LocalDate day = start;
        for (int i = 0; i < n; i++) {
            day = calendar.nextWorkingDay(day);
        }
        return day;
    }

    /** Counts only time inside business hours of working days, starting at the next opening if outside them. */
    private Instant addWorkingTime(Instant start, Duration amount) {
        LocalDateTime cursor = nextWorkingMoment(start.atZone(calendar.zone()).toLocalDateTime());
        Duration remaining = amount;
        while (true) {
            LocalDateTime close = cursor.toLocalDate().atTime(calendar.closesAt());
            Duration available = Duration.between(cursor, close);
            if (remaining.compareTo(available) <= 0) {
                return cursor.plus(remaining).atZone(calendar.zone()).toInstant();
            }
            remaining = remaining.minus(available);
            cursor = calendar.nextWorkingDay(cursor.toLocalDate()).atTime(calendar.opensAt());
        }
    }

    private LocalDateTime nextWorkingMoment(LocalDateTime at) {
        LocalDate date = at.toLocalDate();
        if (calendar.isWorkingDay(date)) {
            if (at.toLocalTime().isBefore(calendar.opensAt())) {
                return date.atTime(calendar.opensAt());
            }
            if (at.toLocalTime().isBefore(calendar.closesAt())) {
                return at;
            }
        }
        return calendar.nextWorkingDay(date).atTime(calendar.opensAt());
    }
}
