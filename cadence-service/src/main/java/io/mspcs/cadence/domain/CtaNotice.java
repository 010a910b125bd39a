package io.mspcs.cadence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A notification a CTA change carried (cadence.md §5.7), as the alert budget and the digest need it. The recipient
 * is the owner, else the CS leader of the policy (unassigned CTAs go to the leader's digest); {@code counted} =
 * an IMMEDIATE notification that uses the recipient's daily budget (escalations go to their target and are not
 * recorded here).
 */
public record CtaNotice(UUID memberId, Digest.Item item, Notification notification, boolean counted,
                        LocalDate localDay, Instant noticedAt) {

    public static final String OPENED = "OPENED";
    public static final String UPDATED = "UPDATED";
    public static final String WOKEN = "WOKEN";

    /** The notice of a change, or null when it notifies nobody (NONE). */
    public static CtaNotice of(UUID ownerMemberId, UUID csLeaderMemberId, Digest.Item item, Notification notification,
                               Instant at, ZoneId zone) {
        if (notification == Notification.NONE) {
            return null;
        }
        UUID recipient = ownerMemberId != null ? ownerMemberId : csLeaderMemberId;
        return new CtaNotice(recipient, item, notification, notification == Notification.IMMEDIATE,
                at.atZone(zone).toLocalDate(), at);
    }
}
