package io.mspcs.health.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventSchemas;
import io.mspcs.contracts.EventTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** cadence's events as it publishes them: the contract examples with the fields a test needs changed. */
public final class CadenceEvents {

    private static final String SOURCE = "/cs/cadence-service";

    private CadenceEvents() {
    }

    public static EventEnvelope meetingHeld(UUID tenant, UUID client, UUID meetingId, Instant heldAt, boolean onTime,
                                            boolean decisionMaker) {
        ObjectNode data = example(EventTypes.MEETING_HELD);
        data.put("clientId", client.toString());
        data.put("meetingId", meetingId.toString());
        data.put("meetingType", "MONTHLY_CHECKIN");
        data.put("strategic", true);
        data.put("scheduledFor", heldAt.toString());
        data.put("heldAt", heldAt.toString());
        data.put("onTime", onTime);
        data.put("decisionMakerPresent", decisionMaker);
        data.put("execSponsorPresent", false);
        data.put("recapDueAt", heldAt.plus(Duration.ofDays(2)).toString());
        return envelope(EventTypes.MEETING_HELD, tenant, client, heldAt, data);
    }

    public static EventEnvelope recapRecorded(UUID tenant, UUID client, UUID meetingId, Instant heldAt, boolean onTime) {
        ObjectNode data = example(EventTypes.RECAP_RECORDED);
        data.put("clientId", client.toString());
        data.put("meetingId", meetingId.toString());
        data.put("meetingType", "MONTHLY_CHECKIN");
        data.put("heldAt", heldAt.toString());
        data.put("recordedAt", heldAt.plus(Duration.ofDays(1)).toString());
        data.put("onTime", onTime);
        return envelope(EventTypes.RECAP_RECORDED, tenant, client, heldAt.plus(Duration.ofDays(1)), data);
    }

    public static EventEnvelope meetingMissed(UUID tenant, UUID client, Instant dueAt, String reason) {
        ObjectNode data = example(EventTypes.MEETING_MISSED);
        data.put("clientId", client.toString());
        data.put("cadenceSlotId", UUID.randomUUID().toString());
        data.put("strategic", true);
        data.put("dueAt", dueAt.toString());
        data.put("reason", reason);
        return envelope(EventTypes.MEETING_MISSED, tenant, client, dueAt.plus(Duration.ofDays(15)), data);
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
