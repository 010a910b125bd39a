package io.mspcs.cadence.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything a rule decided about a CTA it opens (cadence.md §5.1): what, who, by when, why, and its first cause.
 * {@code referenceValue} is the value a clearing condition compares against (AD-T9: the first drop's reference DMI).
 */
public record CtaDraft(UUID ctaId, UUID clientId, CtaKind kind, String reasonCode, String title, Priority priority,
                       CtaSource source, String dedupeKey, String dimension, String playbookKey, ResolvedOwner owner,
                       Instant openedAt, Instant slaStartAt, Instant firstActionDueAt, Instant dueAt,
                       Notification notification, CtaReason reason, BigDecimal referenceValue, Cause firstCause) {
}
