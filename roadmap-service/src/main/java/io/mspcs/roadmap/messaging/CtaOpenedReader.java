package io.mspcs.roadmap.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.PoisonEventException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The fields of cadence.CtaOpened.v1 roadmap uses. */
public record CtaOpenedReader(UUID ctaId, String kind, String title, String dimension, RelatedReader related,
                             ReasonReader reason) {

    public static final String REMEDIATION = "REMEDIATION";
    private static final String GATE = "GATE";

    public record RelatedReader(String type, UUID id) {
    }

    public record ReasonReader(String code, String text, JsonNode inputs) {
    }

    public static CtaOpenedReader read(EventEnvelope event) {
        CtaOpenedReader data = EventCodec.readData(event, CtaOpenedReader.class);
        if (REMEDIATION.equals(data.kind()) && (data.ctaId() == null || data.title() == null || data.title().isBlank())) {
            throw new PoisonEventException("REMEDIATION CtaOpened without ctaId or title");
        }
        return data;
    }

    public boolean remediation() {
        return REMEDIATION.equals(kind);
    }

    public UUID relatedGateId() {
        return related != null && GATE.equals(related.type()) ? related.id() : null;
    }

    public String reasonText() {
        return reason == null ? null : reason.text();
    }

    /**
     * Insights the CTA's rule put into {@code reason.inputs}: {@code insightCode}, {@code insightCodes}, and the
     * {@code insightCode} of {@code topGaps} / {@code failing} entries, in that order.
     */
    public List<String> insightCodes() {
        if (reason == null || reason.inputs() == null || !reason.inputs().isObject()) {
            return List.of();
        }
        JsonNode inputs = reason.inputs();
        Set<String> codes = new LinkedHashSet<>();
        addText(codes, inputs.get("insightCode"));
        for (String list : List.of("insightCodes", "topGaps", "failing")) {
            JsonNode entries = inputs.get(list);
            if (entries != null && entries.isArray()) {
                entries.forEach(entry -> addText(codes, entry.isObject() ? entry.get("insightCode") : entry));
            }
        }
        return List.copyOf(codes);
    }

    private static void addText(Set<String> codes, JsonNode node) {
        if (node != null && node.isTextual() && !node.asText().isBlank()) {
            codes.add(node.asText());
        }
    }
}
