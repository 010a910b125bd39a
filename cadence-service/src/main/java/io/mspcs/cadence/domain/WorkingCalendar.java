package io.mspcs.cadence.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The tenant's working week (cadence.md §2.1 policy keys {@code timeZone}, {@code workingDays},
 * {@code businessHours}, {@code holidays}): which local days are working days and when business hours run.
 */
public record WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opensAt, LocalTime closesAt,
                              Set<LocalDate> holidays) {

    /** Policy version 1 defaults: UTC, Monday to Friday, 08:00–17:00, no holidays. */
    public static final WorkingCalendar DEFAULT = new WorkingCalendar(ZoneOffset.UTC,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0), Set.of());

    public WorkingCalendar {
        Objects.requireNonNull(zone, "zone");
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("a working week needs at least one working day");
        }
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("business hours must open before they close");
        }
        workingDays = Set.copyOf(workingDays);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The date itself if it is a working day, else the next working day. */
    public LocalDate onOrAfterWorkingDay(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public LocalDate nextWorkingDay(LocalDate date) {
        return onOrAfterWorkingDay(date.plusDays(1));
    }
}
