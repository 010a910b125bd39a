package io.mspcs.health.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Reason;
import io.mspcs.health.repository.HealthAlertEntity;
import io.mspcs.outbox.OutgoingEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** AdoptionGateBreached/Cleared and BackupRiskDetected/Cleared (events.md §4.2) from the stored alert. */
public final class GateEvents {

    static final int MAX_FAILING = 5;

    private GateEvents() {
    }

    record FailingData(String insightCode, BigDecimal coverage, BigDecimal threshold) {
    }

    record GateBreachedData(String clientId, String gateId, String gate, List<FailingData> failing, Instant since,
                            Reason reason) {
    }

    record GateClearedData(String clientId, String gateId, String gate, String clearedBy, Instant breachedAt,
                           long durationDays, Reason reason) {
    }

    record RiskDetectedData(String clientId, String riskId, String kind, BigDecimal successRate, int windowDays,
                            BigDecimal threshold, int failedJobs, int devicesAffected, Instant lastSuccessAt,
                            Instant lastRestoreTestAt, String source, Instant dataAsOf) {
    }

    record RiskClearedData(String clientId, String riskId, String kind, BigDecimal successRate, Instant detectedAt,
                           Instant dataAsOf) {
    }

    public static OutgoingEvent breached(HealthAlertEntity gate, int modelVersion) {
        String clientId = gate.clientId.toString();
        List<FailingData> failing = gate.details.failing().stream().limit(MAX_FAILING)
                .map(f -> new FailingData(f.insightCode(), f.coverage(), f.threshold())).toList();
        String text = gate.details.failing().stream()
                .map(f -> f.insightCode() + " " + f.coverage().toPlainString() + " < " + f.threshold().toPlainString())
                .collect(Collectors.joining("; "));
        Reason reason = new Reason(gate.kind + "_GATE", text, ruleId(gate.kind), modelVersion, modelVersion, null);
        return new OutgoingEvent(EventTypes.ADOPTION_GATE_BREACHED, clientId, DmiEvents.AGGREGATE, clientId,
                new GateBreachedData(clientId, gate.id.toString(), gate.kind, failing, gate.openedAt, reason));
    }

    public static OutgoingEvent cleared(HealthAlertEntity gate, int modelVersion) {
        String clientId = gate.clientId.toString();
        Reason reason;
        if ("OVERRIDE".equals(gate.clearedBy)) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("by", gate.overrideBy);
            inputs.put("expiresAt", gate.overrideExpiresAt.toString());
            reason = new Reason("GATE_OVERRIDDEN", gate.overrideReason, ruleId(gate.kind), modelVersion, modelVersion,
                    inputs);
        } else {
            reason = new Reason("GATE_CLEARED", gate.kind + " gate cleared by measurement", ruleId(gate.kind),
                    modelVersion, modelVersion, null);
        }
        return new OutgoingEvent(EventTypes.ADOPTION_GATE_CLEARED, clientId, DmiEvents.AGGREGATE, clientId,
                new GateClearedData(clientId, gate.id.toString(), gate.kind, gate.clearedBy, gate.openedAt,
                        Duration.between(gate.openedAt, gate.clearedAt).toDays(), reason));
    }

    public static OutgoingEvent riskDetected(HealthAlertEntity risk) {
        String clientId = risk.clientId.toString();
        HealthAlertEntity.Details d = risk.details;
        return new OutgoingEvent(EventTypes.BACKUP_RISK_DETECTED, clientId, DmiEvents.AGGREGATE, clientId,
                new RiskDetectedData(clientId, risk.id.toString(), risk.kind, d.successRate(), d.windowDays(),
                        d.threshold(), d.failedJobs(), d.devicesAffected(), d.lastSuccessAt(), d.lastRestoreTestAt(),
                        d.source(), d.dataAsOf()));
    }

    /** {@code values}: the backup result the risk cleared on. */
    public static OutgoingEvent riskCleared(HealthAlertEntity risk, HealthAlertEntity.Details values) {
        String clientId = risk.clientId.toString();
        return new OutgoingEvent(EventTypes.BACKUP_RISK_CLEARED, clientId, DmiEvents.AGGREGATE, clientId,
                new RiskClearedData(clientId, risk.id.toString(), risk.kind, values.successRate(), risk.openedAt,
                        values.dataAsOf()));
    }

    private static String ruleId(String gate) {
        return "FIX_FIRST".equals(gate) ? "fix-first" : "sequencing";
    }
}
