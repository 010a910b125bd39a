package io.mspcs.cadence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The per-owner alert budget and digest rhythm (cadence.md §5.7). A HIGH opening notifies at once only while the
 * owner's IMMEDIATE count for the local day is below the daily budget, then it waits for the digest; CRITICAL is
 * always IMMEDIATE; escalations go to their target and are not counted. The digest is due at {@code digestTime} on
 * working days. The count comes from the recorded notices ({@link CtaNotice}); the services and the sweep apply it
 * to every opening before its {@code CtaOpened} is built.
 */
public final class AlertBudget {

    private AlertBudget() {
    }

    /** The notification of an opening, given how many IMMEDIATE notifications its owner had today. */
    public static Notification opened(Priority priority, int immediateToday, int dailyBudget) {
        Notification wanted = NotificationPolicy.opened(priority);
        if (priority == Priority.HIGH && wanted == Notification.IMMEDIATE && immediateToday >= dailyBudget) {
            return Notification.DIGEST;
        }
        return wanted;
    }

    /** The first digest instant strictly after {@code after}: {@code digestTime} local on a working day. */
    public static Instant nextDigest(Instant after, LocalTime digestTime, WorkingCalendar calendar) {
        LocalDate day = after.atZone(calendar.zone()).toLocalDate();
        while (true) {
            Instant candidate = day.atTime(digestTime).atZone(calendar.zone()).toInstant();
            if (calendar.isWorkingDay(day) && candidate.isAfter(after)) {
                return candidate;
            }
            day = day.plusDays(1);
        }
    }
}
