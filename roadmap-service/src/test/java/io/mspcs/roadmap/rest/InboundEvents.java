package io.mspcs.roadmap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventSchemas;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events other services would publish, built from the contract examples with this test's tenant, client and
 * ids; each is checked against its schema first, so the tests feed only what the producers may send.
 */
final class InboundEvents {

    record Gap(String insightCode, double coverage, double target) {
    }

    private InboundEvents() {
    }

    static EventEnvelope clientRegistered(UUID tenant, UUID client, int fiscalYearEndMonth, Instant time) {
        ObjectNode data = example("segmentation/ClientRegistered.v1");
        data.put("clientId", client.toString()).put("fiscalYearEndMonth", fiscalYearEndMonth);
        return envelope("/cs/segmentation-service", "segmentation.ClientRegistered.v1", UUID.randomUUID(), time,
                tenant, client, "corr-registration-" + client, null, data);
    }

    static EventEnvelope segmentAssigned(UUID tenant, UUID client, String segment, Instant time) {
        ObjectNode data = example("segmentation/SegmentAssigned.v1");
        data.put("clientId", client.toString()).put("segment", segment).put("computedSegment", segment);
        return envelope("/cs/segmentation-service", "segmentation.SegmentAssigned.v1", UUID.randomUUID(), time,
                tenant, client, "corr-segment-" + client, null, data);
    }

    static EventEnvelope segmentChanged(UUID tenant, UUID client, String from, String to, Instant changedAt) {
        ObjectNode data = example("segmentation/SegmentChanged.v1");
        data.put("clientId", client.toString()).put("from", from).put("to", to).put("computedSegment", to)
                .put("changedAt", changedAt.toString());
        return envelope("/cs/segmentation-service", "segmentation.SegmentChanged.v1", UUID.randomUUID(), changedAt,
                tenant, client, "corr-segment-" + client, null, data);
    }

    static EventEnvelope clientUpdated(UUID tenant, UUID client, int fiscalYearEndMonth, String status,
                                       Instant time) {
        ObjectNode data = example("segmentation/ClientUpdated.v1");
        data.put("clientId", client.toString()).put("fiscalYearEndMonth", fiscalYearEndMonth).put("status", status);
        return envelope("/cs/segmentation-service", "segmentation.ClientUpdated.v1", UUID.randomUUID(), time,
                tenant, client, "corr-update-" + client, null, data);
    }

    static EventEnvelope dmiDropped(UUID eventId, UUID tenant, UUID client, Instant time, String correlationId,
                                    Gap... gaps) {
        ObjectNode data = example("health/DmiDropped.v1");
        data.put("clientId", client.toString()).put("snapshotId", UUID.randomUUID().toString());
        ArrayNode topGaps = data.putArray("topGaps");
        for (Gap gap : gaps) {
            topGaps.addObject().put("insightCode", gap.insightCode()).put("category", "IDENTITY_ACCESS")
                    .put("coverage", gap.coverage()).put("target", gap.target()).put("weight", 5);
        }
        return envelope("/cs/health-service", "health.DmiDropped.v1", eventId, time, tenant, client, correlationId,
                null, data);
    }

    static EventEnvelope ctaOpened(UUID ctaId, UUID tenant, UUID client, Instant time, String correlationId,
                                   UUID causationId, String kind, Map<String, Object> inputs) {
        ObjectNode data = example("cadence/CtaOpened.v1");
        data.put("clientId", client.toString()).put("ctaId", ctaId.toString()).put("kind", kind);
        ((ObjectNode) data.get("reason")).set("inputs", EventCodec.mapper().valueToTree(inputs));
        return envelope("/cs/cadence-service", "cadence.CtaOpened.v1", UUID.randomUUID(), time, tenant, client,
                correlationId, causationId, data);
    }

    static EventEnvelope gateBreached(UUID eventId, UUID tenant, UUID client, UUID gateId, Instant time,
                                      String insightCode, double coverage, double threshold) {
        ObjectNode data = example("health/AdoptionGateBreached.v1");
        data.put("clientId", client.toString()).put("gateId", gateId.toString()).put("since", time.toString());
        ArrayNode failing = data.putArray("failing");
        failing.addObject().put("insightCode", insightCode).put("coverage", coverage).put("threshold", threshold);
        return envelope("/cs/health-service", "health.AdoptionGateBreached.v1", eventId, time, tenant, client,
                "corr-gate-" + gateId, null, data);
    }

    static EventEnvelope gateCleared(UUID tenant, UUID client, UUID gateId, Instant time) {
        ObjectNode data = example("health/AdoptionGateCleared.v1");
        data.put("clientId", client.toString()).put("gateId", gateId.toString());
        return envelope("/cs/health-service", "health.AdoptionGateCleared.v1", UUID.randomUUID(), time, tenant,
                client, "corr-gate-" + gateId, null, data);
    }

    private static EventEnvelope envelope(String source, String type, UUID id, Instant time, UUID tenant, UUID client,
                                          String correlationId, UUID causationId, JsonNode data) {
        EventEnvelope event = EventEnvelope.of(id, source, type, time, client.toString(), tenant, correlationId,
                causationId, data);
        assertThat(EventSchemas.violations(EventCodec.mapper().valueToTree(event))).as("inbound %s", type).isEmpty();
        return event;
    }

    private static ObjectNode example(String name) {
        try (InputStream in = InboundEvents.class.getResourceAsStream("/events/" + name + ".example.json")) {
            return (ObjectNode) EventCodec.mapper().readTree(in).get("data").deepCopy();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("contract example " + name + " not readable", e);
        }
    }
}
