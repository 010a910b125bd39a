package io.mspcs.cadence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The dates of one cadence slot (cadence.md §2.3): the window runs from {@code anchorDate} to {@code windowEnd} =
 * {@code dueDate} + grace; the slot is missed at 00:00 tenant-local the day after the window ends.
 */
public record SlotPlan(LocalDate anchorDate, LocalDate dueDate, LocalDate windowEnd, Instant missAt) {

    public static SlotPlan of(LocalDate anchorDate, LocalDate dueDate, Frequency frequency, ZoneId zone) {
        LocalDate windowEnd = dueDate.plusDays(frequency.graceDays());
        return new SlotPlan(anchorDate, dueDate, windowEnd, windowEnd.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Existing or reactivated client, or after a counting meeting (even an early one): anchor + interval. */
    public static SlotPlan fromAnchor(LocalDate anchor, Frequency frequency, ZoneId zone) {
        return of(anchor, frequency.after(anchor), frequency, zone);
    }

    /** A client registered after the import window gets at least 90 days before its first slot is due. */
    public static SlotPlan forNewClient(LocalDate registered, Frequency frequency, ZoneId zone) {
        LocalDate byInterval = frequency.after(registered);
        LocalDate by90 = registered.plusDays(90);
        return of(registered, byInterval.isAfter(by90) ? byInterval : by90, frequency, zone);
    }

    /** After a miss the next slot runs from the missed slot's due date. */
    public SlotPlan next(Frequency frequency, ZoneId zone) {
        return of(dueDate, frequency.after(dueDate), frequency, zone);
    }

    /**
     * Segment change, new policy version or frequency override: anchored on the last counting meeting (else the
     * change date) but never due sooner than the change date + min(interval, 30 d).
     */
    public static SlotPlan afterChange(LocalDate anchor, LocalDate changeDate, Frequency frequency, ZoneId zone) {
        LocalDate byAnchor = frequency.after(anchor);
        long intervalDays = ChronoUnit.DAYS.between(changeDate, frequency.after(changeDate));
        LocalDate floor = changeDate.plusDays(Math.min(intervalDays, 30));
        return of(anchor, byAnchor.isAfter(floor) ? byAnchor : floor, frequency, zone);
    }

    /** ON_TRACK, DUE_SOON (due within 30 days), IN_GRACE (past due, window open) for an open slot (§8.1). */
    public String stateAt(LocalDate today) {
        if (today.isAfter(dueDate)) {
            return "IN_GRACE";
        }
        return ChronoUnit.DAYS.between(today, dueDate) <= 30 ? "DUE_SOON" : "ON_TRACK";
    }
}
