package io.mspcs.gateway.domain;

import java.util.UUID;

/** One event as the live feed keeps it: what filters need, and the envelope JSON it sends. */
public record FeedEntry(UUID id, UUID tenantId, String subject, String type, String envelopeJson) {
}
