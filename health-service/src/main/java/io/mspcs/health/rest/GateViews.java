package io.mspcs.health.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mspcs.health.repository.HealthAlertEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Gates and backup risks as the health API shows them (health.md §2.3, §6). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateViews(List<Gate> gates, List<Risk> backupRisks) {

    public record Failing(String insightCode, BigDecimal coverage, BigDecimal threshold) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Override(String by, String reason, Instant expiresAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gate(UUID gateId, String gate, String status, Instant since, Instant clearedAt, String clearedBy,
                       List<Failing> failing, Override override) {

        static Gate of(HealthAlertEntity alert) {
            return new Gate(alert.id, alert.kind, alert.status, alert.openedAt, alert.clearedAt, alert.clearedBy,
                    alert.details.failing().stream()
                            .map(f -> new Failing(f.insightCode(), f.coverage(), f.threshold())).toList(),
                    alert.overrideBy == null ? null
                            : new Override(alert.overrideBy, alert.overrideReason, alert.overrideExpiresAt));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Risk(UUID riskId, String kind, String status, Instant detectedAt, Instant clearedAt,
                       BigDecimal successRate, Integer windowDays, BigDecimal threshold, Integer failedJobs,
                       Integer devicesAffected, Instant lastSuccessAt, Instant lastRestoreTestAt, String source,
                       Instant dataAsOf) {

        static Risk of(HealthAlertEntity alert) {
            HealthAlertEntity.Details d = alert.details;
            return new Risk(alert.id, alert.kind, alert.status, alert.openedAt, alert.clearedAt, d.successRate(),
                    d.windowDays(), d.threshold(), d.failedJobs(), d.devicesAffected(), d.lastSuccessAt(),
                    d.lastRestoreTestAt(), d.source(), d.dataAsOf());
        }
    }

    public static GateViews of(List<HealthAlertEntity> alerts) {
        return new GateViews(
                alerts.stream().filter(a -> HealthAlertEntity.GATE.equals(a.family)).map(Gate::of).toList(),
                alerts.stream().filter(a -> HealthAlertEntity.RISK.equals(a.family)).map(Risk::of).toList());
    }
}
