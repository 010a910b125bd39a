package io.mspcs.health.support;

import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.contracts.EventEnvelope;

import java.time.Instant;
import java.util.UUID;

/** Registers a client the way production does: segmentation's events through the consumer. */
public final class RegisteredClients {

    private RegisteredClients() {
    }

    public static UUID register(UUID tenant, String name) {
        UUID client = UUID.randomUUID();
        EventEnvelope registered = SegmentationEvents.clientRegistered(tenant, client, name,
                Instant.parse("2026-01-12T10:15:02.337Z"));
        SegmentationEvents.publish(registered);
        ConsumedEvents.await("health", registered.id());
        return client;
    }

    /** Registered, with a computed (not provisional) segment so its bands apply. */
    public static UUID registerInSegment(UUID tenant, String name, String segment) {
        UUID client = UUID.randomUUID();
        EventEnvelope registered = SegmentationEvents.clientRegistered(tenant, client, name,
                Instant.parse("2026-01-12T10:15:02.337Z"));
        EventEnvelope assigned = SegmentationEvents.segmentAssigned(tenant, client, segment, false,
                Instant.parse("2026-02-01T09:00:00Z"));
        SegmentationEvents.publish(registered, assigned);
        ConsumedEvents.await("health", assigned.id());
        return client;
    }
}
