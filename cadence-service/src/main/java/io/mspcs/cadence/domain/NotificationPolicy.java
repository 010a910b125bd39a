package io.mspcs.cadence.domain;

/**
 * Which notification a CTA change carries (cadence.md §5.7), before the owner's daily budget: a HIGH opening starts
 * IMMEDIATE and {@link AlertBudget} turns it into DIGEST once the owner's budget for the day is used.
 */
public final class NotificationPolicy {

    private NotificationPolicy() {
    }

    public static Notification opened(Priority priority) {
        return switch (priority) {
            case CRITICAL, HIGH -> Notification.IMMEDIATE;
            case MEDIUM, LOW -> Notification.DIGEST;
        };
    }

    /** A repeat of the trigger on an open CTA, an owner move or another system update. */
    public static Notification updated() {
        return Notification.DIGEST;
    }

    /** Closes made by the system (auto-close, supersede) notify nobody. */
    public static Notification systemClosed() {
        return Notification.NONE;
    }
}
