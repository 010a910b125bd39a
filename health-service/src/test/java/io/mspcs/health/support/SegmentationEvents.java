package io.mspcs.health.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventSchemas;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.EventPublisher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * segmentation's events as it publishes them: the contract examples with the fields a test needs changed, so
 * every event fed to the consumer has the producer's full shape.
 */
public final class SegmentationEvents {

    private static final String SOURCE = "/cs/segmentation-service";

    private SegmentationEvents() {
    }

    public static EventEnvelope clientRegistered(UUID tenant, UUID client, String name, Instant time) {
        ObjectNode data = example(EventTypes.CLIENT_REGISTERED);
        data.put("clientId", client.toString());
        data.put("name", name);
        data.put("registeredAt", time.toString());
        return envelope(EventTypes.CLIENT_REGISTERED, tenant, client, time, data);
    }

    public static EventEnvelope segmentAssigned(UUID tenant, UUID client, String segment, boolean provisional,
                                                Instant time) {
        ObjectNode data = example(EventTypes.SEGMENT_ASSIGNED);
        data.put("clientId", client.toString());
        data.put("segment", segment);
        data.put("computedSegment", segment);
        data.put("provisional", provisional);
        data.put("basis", provisional ? "PROVISIONAL" : "COMPUTED");
        return envelope(EventTypes.SEGMENT_ASSIGNED, tenant, client, time, data);
    }

    public static EventEnvelope segmentChanged(UUID tenant, UUID client, String from, String to, Instant time) {
        ObjectNode data = example(EventTypes.SEGMENT_CHANGED);
        data.put("clientId", client.toString());
        data.put("from", from);
        data.put("to", to);
        data.put("computedSegment", to);
        data.put("changedAt", time.toString());
        return envelope(EventTypes.SEGMENT_CHANGED, tenant, client, time, data);
    }

    /** The same event again under a new id, as a replay or a second producer run would send it. */
    public static EventEnvelope withNewId(EventEnvelope event) {
        return EventEnvelope.of(UUID.randomUUID(), event.source(), event.type(), event.time(), event.subject(),
                event.tenantId(), event.correlationId(), event.causationId(), event.data());
    }

    public static void publish(EventEnvelope... events) {
        try (EventPublisher publisher = EventPublisher.forSharedInfra()) {
            for (EventEnvelope event : events) {
                publisher.publish(event);
            }
        }
    }

    private static EventEnvelope envelope(String type, UUID tenant, UUID client, Instant time, ObjectNode data) {
        return EventEnvelope.of(UUID.randomUUID(), SOURCE, type, time, client.toString(), tenant,
                "corr-" + UUID.randomUUID(), null, data);
    }

    private static ObjectNode example(String type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(EventSchemas.examplePath(type))) {
            return (ObjectNode) EventCodec.mapper().readTree(in).get("data").deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
