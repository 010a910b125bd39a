package io.mspcs.health.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventSchemas;
import io.mspcs.contracts.EventTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/** roadmap's proposal events as it publishes them: the contract examples with the fields a test needs changed. */
public final class RoadmapEvents {

    private static final String SOURCE = "/cs/roadmap-service";

    private RoadmapEvents() {
    }

    public static EventEnvelope sent(UUID tenant, UUID client, UUID proposal, Instant sentAt) {
        ObjectNode data = example(EventTypes.PROPOSAL_SENT, client, proposal);
        data.put("sentAt", sentAt.toString());
        return envelope(EventTypes.PROPOSAL_SENT, tenant, client, sentAt, data);
    }

    public static EventEnvelope accepted(UUID tenant, UUID client, UUID proposal, Instant acceptedAt) {
        ObjectNode data = example(EventTypes.PROPOSAL_ACCEPTED, client, proposal);
        data.put("acceptedAt", acceptedAt.toString());
        return envelope(EventTypes.PROPOSAL_ACCEPTED, tenant, client, acceptedAt, data);
    }

    public static EventEnvelope declined(UUID tenant, UUID client, UUID proposal, Instant declinedAt) {
        ObjectNode data = example(EventTypes.PROPOSAL_DECLINED, client, proposal);
        data.put("declinedAt", declinedAt.toString());
        return envelope(EventTypes.PROPOSAL_DECLINED, tenant, client, declinedAt, data);
    }

    public static EventEnvelope closed(UUID tenant, UUID client, UUID proposal, Instant closedAt) {
        return envelope(EventTypes.PROPOSAL_CLOSED, tenant, client, closedAt,
                example(EventTypes.PROPOSAL_CLOSED, client, proposal));
    }

    /** An initiative completed with one health link on a DMI insight. */
    public static EventEnvelope initiativeCompleted(UUID tenant, UUID client, UUID initiative, Instant completedAt,
                                                    String insightCode, double expectedPoints) {
        ObjectNode data = EventCodec.mapper().createObjectNode();
        data.put("clientId", client.toString());
        data.put("initiativeId", initiative.toString());
        data.put("completedAt", completedAt.toString());
        data.put("stabilityWork", false);
        data.putArray("healthLinks").addObject().put("dimension", "ADOPTION").put("insightCode", insightCode)
                .put("expectedPoints", expectedPoints);
        data.putNull("actualCost");
        return envelope(EventTypes.INITIATIVE_COMPLETED, tenant, client, completedAt, data);
    }

    private static EventEnvelope envelope(String type, UUID tenant, UUID client, Instant time, ObjectNode data) {
        return EventEnvelope.of(UUID.randomUUID(), SOURCE, type, time, client.toString(), tenant,
                "corr-" + UUID.randomUUID(), null, data);
    }

    private static ObjectNode example(String type, UUID client, UUID proposal) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(EventSchemas.examplePath(type))) {
            ObjectNode data = (ObjectNode) EventCodec.mapper().readTree(in).get("data").deepCopy();
            data.put("clientId", client.toString());
            data.put("proposalId", proposal.toString());
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
