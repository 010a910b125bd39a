package io.mspcs.cadence.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Events as segmentation and health publish them, built from the contract examples with the fields a test needs
 * changed, so every event a test feeds in has the full producer shape.
 */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope dmiDropped(UUID tenant, UUID client, UUID snapshot, double previousDmi, double dmi,
                                           String segment, Instant time, String correlationId) {
        ObjectNode data = example("health/DmiDropped");
        data.put("clientId", client.toString());
        data.put("snapshotId", snapshot.toString());
        data.put("previousDmi", previousDmi);
        data.put("dmi", dmi);
        data.put("delta", dmi - previousDmi);
        if (segment == null) {
            data.putNull("segment");
        } else {
            data.put("segment", segment);
        }
        return envelope("/cs/health-service", EventTypes.DMI_DROPPED, time, tenant, client, correlationId, data);
    }

    public static EventEnvelope dmiMeasured(UUID tenant, UUID client, double dmi, Instant time) {
        ObjectNode data = example("health/DmiMeasured");
        data.put("clientId", client.toString());
        data.put("snapshotId", UUID.randomUUID().toString());
        data.put("dmi", dmi);
        data.put("measuredAt", time.toString());
        return envelope("/cs/health-service", EventTypes.DMI_MEASURED, time, tenant, client, "corr-measured", data);
    }

    /** A registration without a renewal date (the fiscal-year end of the example, December, stays). */
    public static EventEnvelope clientRegistered(UUID tenant, UUID client, String name, String status, Instant time) {
        ObjectNode data = example("segmentation/ClientRegistered");
        data.put("clientId", client.toString());
        data.putNull("contractRenewalDate");
        data.put("name", name);
        data.put("status", status);
        data.put("registeredAt", time.toString());
        return envelope("/cs/segmentation-service", EventTypes.CLIENT_REGISTERED, time, tenant, client, "corr-reg", data);
    }

    public static EventEnvelope segmentAssigned(UUID tenant, UUID client, String segment, Instant time) {
        ObjectNode data = example("segmentation/SegmentAssigned");
        data.put("clientId", client.toString());
        data.put("segment", segment);
        data.put("computedSegment", segment);
        return envelope("/cs/segmentation-service", EventTypes.SEGMENT_ASSIGNED, time, tenant, client, "corr-seg", data);
    }

    public static EventEnvelope segmentAssigned(UUID tenant, UUID client, String segment, String mrrBand, Instant time) {
        EventEnvelope assigned = segmentAssigned(tenant, client, segment, time);
        ((ObjectNode) assigned.data()).put("mrrBand", mrrBand);
        return assigned;
    }

    public static EventEnvelope segmentChanged(UUID tenant, UUID client, String from, String to, Instant time) {
        ObjectNode data = example("segmentation/SegmentChanged");
        data.put("clientId", client.toString());
        data.put("from", from);
        data.put("to", to);
        data.put("computedSegment", to);
        data.put("changedAt", time.toString());
        return envelope("/cs/segmentation-service", EventTypes.SEGMENT_CHANGED, time, tenant, client, "corr-seg", data);
    }

    /** The owner map has only {@code role}, owned by {@code member} with {@code backup}. */
    public static EventEnvelope ownerAssigned(UUID tenant, UUID client, String role, UUID member, UUID backup,
                                              Instant assignedAt) {
        ObjectNode data = example("segmentation/OwnerAssigned");
        data.put("clientId", client.toString());
        data.put("role", role);
        data.put("memberId", member.toString());
        data.putNull("previousMemberId");
        data.put("backupMemberId", backup == null ? null : backup.toString());
        data.put("assignedAt", assignedAt.toString());
        ObjectNode owners = data.putObject("owners");
        ObjectNode owner = owners.putObject(role);
        owner.put("memberId", member.toString());
        owner.put("backupMemberId", backup == null ? null : backup.toString());
        return envelope("/cs/segmentation-service", EventTypes.OWNER_ASSIGNED, assignedAt, tenant, client, "corr-own", data);
    }

    public static EventEnvelope dmiStalled(UUID tenant, UUID client, UUID snapshot, int flatCycles, Instant time) {
        ObjectNode data = example("health/DmiStalled");
        data.put("clientId", client.toString());
        data.put("snapshotId", snapshot.toString());
        data.put("flatCycles", flatCycles);
        return envelope("/cs/health-service", EventTypes.DMI_STALLED, time, tenant, client, "corr-stalled", data);
    }

    public static EventEnvelope gateBreached(UUID tenant, UUID client, UUID gateId, String gate, Instant time) {
        ObjectNode data = example("health/AdoptionGateBreached");
        data.put("clientId", client.toString());
        data.put("gateId", gateId.toString());
        data.put("gate", gate);
        data.put("since", time.toString());
        return envelope("/cs/health-service", EventTypes.ADOPTION_GATE_BREACHED, time, tenant, client, "corr-gate", data);
    }

    public static EventEnvelope gateCleared(UUID tenant, UUID client, UUID gateId, Instant time) {
        ObjectNode data = example("health/AdoptionGateCleared");
        data.put("clientId", client.toString());
        data.put("gateId", gateId.toString());
        return envelope("/cs/health-service", EventTypes.ADOPTION_GATE_CLEARED, time, tenant, client, "corr-gate", data);
    }

    public static EventEnvelope colorChanged(UUID tenant, UUID client, String dimension, String color,
                                             String previousColor, Instant time) {
        ObjectNode data = example("health/HealthColorChanged");
        data.put("clientId", client.toString());
        data.put("dimension", dimension);
        data.put("color", color);
        data.put("previousColor", previousColor);
        data.put("scoreId", UUID.randomUUID().toString());
        return envelope("/cs/health-service", EventTypes.HEALTH_COLOR_CHANGED, time, tenant, client, "corr-color", data);
    }

    public static EventEnvelope assessmentCompleted(UUID tenant, UUID client, UUID assessment, int highRiskCount,
                                                    Instant completedAt) {
        ObjectNode data = example("roadmap/AssessmentCompleted");
        data.put("clientId", client.toString());
        data.put("assessmentId", assessment.toString());
        data.put("completedAt", completedAt.toString());
        data.put("highRiskCount", highRiskCount);
        return envelope("/cs/roadmap-service", EventTypes.ASSESSMENT_COMPLETED, completedAt, tenant, client, "corr-asmt", data);
    }

    public static EventEnvelope initiativeApproved(UUID tenant, UUID client, UUID initiative, UUID deliveryOwner,
                                                   Instant approvedAt) {
        ObjectNode data = example("roadmap/InitiativeApproved");
        data.put("clientId", client.toString());
        data.put("initiativeId", initiative.toString());
        data.put("approvedAt", approvedAt.toString());
        if (deliveryOwner == null) {
            data.putNull("deliveryOwnerMemberId");
        } else {
            data.put("deliveryOwnerMemberId", deliveryOwner.toString());
        }
        return envelope("/cs/roadmap-service", EventTypes.INITIATIVE_APPROVED, approvedAt, tenant, client, "corr-init", data);
    }

    /** A registration with the registry dates the date triggers read ({@code renewal} may be null). */
    public static EventEnvelope clientRegistered(UUID tenant, UUID client, String status, Instant registeredAt,
                                                 String renewal, int fiscalYearEndMonth) {
        ObjectNode data = example("segmentation/ClientRegistered");
        registry(data, client, status, registeredAt, renewal, fiscalYearEndMonth);
        return envelope("/cs/segmentation-service", EventTypes.CLIENT_REGISTERED, registeredAt, tenant, client,
                "corr-reg", data);
    }

    /** The full registry state after a change of the renewal date (or the status), at {@code time}. */
    public static EventEnvelope clientUpdated(UUID tenant, UUID client, String status, Instant registeredAt,
                                              String renewalFrom, String renewal, int fiscalYearEndMonth, Instant time) {
        ObjectNode data = example("segmentation/ClientUpdated");
        registry(data, client, status, registeredAt, renewal, fiscalYearEndMonth);
        ObjectNode changes = data.putObject("changes");
        ObjectNode change = changes.putObject("contractRenewalDate");
        change.put("from", renewalFrom);
        change.put("to", renewal);
        return envelope("/cs/segmentation-service", EventTypes.CLIENT_UPDATED, time, tenant, client, "corr-upd", data);
    }

    private static void registry(ObjectNode data, UUID client, String status, Instant registeredAt, String renewal,
                                 int fiscalYearEndMonth) {
        data.put("clientId", client.toString());
        data.put("status", status);
        data.put("registeredAt", registeredAt.toString());
        data.put("contractRenewalDate", renewal);
        data.put("fiscalYearEndMonth", fiscalYearEndMonth);
    }

    public static EventEnvelope proposalAging(UUID tenant, UUID client, UUID proposal, String bucket, int ageDays,
                                              UUID owner, Instant time) {
        ObjectNode data = example("roadmap/ProposalAging");
        data.put("clientId", client.toString());
        data.put("proposalId", proposal.toString());
        data.put("bucket", bucket);
        data.put("ageDays", ageDays);
        data.put("ownerMemberId", owner == null ? null : owner.toString());
        return envelope("/cs/roadmap-service", EventTypes.PROPOSAL_AGING, time, tenant, client, "corr-prop", data);
    }

    /** {@code ProposalAccepted}, {@code ProposalDeclined} or {@code ProposalClosed} (by type) for the proposal. */
    public static EventEnvelope proposalEnded(String type, UUID tenant, UUID client, UUID proposal, Instant time) {
        String name = type.substring(type.indexOf('.') + 1, type.lastIndexOf(".v"));
        ObjectNode data = example("roadmap/" + name);
        data.put("clientId", client.toString());
        data.put("proposalId", proposal.toString());
        return envelope("/cs/roadmap-service", type, time, tenant, client, "corr-prop", data);
    }

    /** The same fact under a new event id, as a producer retry after a lost commit would publish it. */
    public static EventEnvelope withNewId(EventEnvelope event) {
        return EventEnvelope.of(UUID.randomUUID(), event.source(), event.type(), event.time(), event.subject(),
                event.tenantId(), event.correlationId(), event.causationId(), event.data());
    }

    private static EventEnvelope envelope(String source, String type, Instant time, UUID tenant, UUID client,
                                          String correlationId, JsonNode data) {
        return EventEnvelope.of(UUID.randomUUID(), source, type, time, client.toString(), tenant, correlationId, null, data);
    }

    private static ObjectNode example(String name) {
        String path = "/events/" + name + ".v1.example.json";
        try (InputStream in = TestEvents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no contract example " + path);
            }
            return (ObjectNode) EventCodec.mapper().readTree(in).get("data").deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
