package io.mspcs.health.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.health.rest.HealthScoringComponentTest.scoredHarborDental;
import static io.mspcs.health.rest.SignalIngestComponentTest.bulk;
import static io.mspcs.health.rest.SignalIngestComponentTest.item;
import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * E4's gate and backup-risk episode on the default catalogue (segment C): MFA falls to 0.55, backups fail, both
 * recover in one batch. Each transition emits once, in the §5.3 order, and validates against the contract roadmap
 * consumes. Clock: 2026-11-20T14:00Z, so the steps are observed just before it.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class GatesComponentTest {

    private static Map<String, Object> mfa(UUID client, String key, String at, double coverage) {
        return item("externalId", key, "type", "MFA_COVERAGE", "clientId", client.toString(), "observedAt", at,
                "coverage", coverage);
    }

    private static Map<String, Object> backup(UUID client, String key, String at, double rate, int total, int failed,
                                              int devices) {
        return item("externalId", key, "type", "BACKUP_RESULT", "clientId", client.toString(), "observedAt", at,
                "successRate", rate, "windowDays", 30, "jobsTotal", total, "jobsFailed", failed,
                "devicesAffected", devices);
    }

    private static List<OutboxRows.Row> awaitCount(UUID tenant, String type, int count) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(OutboxRows.of("health", tenant, type)).hasSize(count));
        return OutboxRows.of("health", tenant, type);
    }

    /**
     * The types written by the recompute that wrote {@code row} (same correlation). Compared as a multiset: OutboxRows
     * orders rows of one transaction by ctid, which is not insertion order once the table has free space (the relay
     * reads the WAL, which is).
     */
    private static List<String> sameRecompute(UUID tenant, OutboxRows.Row row) {
        String correlation = row.envelope().get("correlationid").asText();
        return OutboxRows.of("health", tenant).stream()
                .filter(r -> r.envelope().get("correlationid").asText().equals(correlation))
                .map(OutboxRows.Row::type).filter(t -> !t.equals(EventTypes.SIGNALS_INGESTED)).toList();
    }

    @Test
    void mfaBelowItsGateOpensFixFirstOnceWithItsValueAndShowsItInCurrentHealth() {
        UUID tenant = UUID.randomUUID();
        UUID client = scoredHarborDental(tenant);

        bulk(tenant, "ninjaone", List.of(mfa(client, "mfa-1120", "2026-11-20T13:55:00Z", 0.55))).statusCode(200);

        OutboxRows.Row breached = awaitCount(tenant, EventTypes.ADOPTION_GATE_BREACHED, 1).get(0);
        ContractAssertions.assertValid(breached);
        JsonNode data = breached.envelope().get("data");
        assertThat(data.get("gate").asText()).isEqualTo("FIX_FIRST");
        assertThat(data.get("failing")).hasSize(1);
        assertThat(data.get("failing").get(0).get("insightCode").asText()).isEqualTo("MFA");
        assertThat(data.get("failing").get(0).get("coverage").decimalValue()).isEqualByComparingTo("0.55");
        assertThat(data.get("failing").get(0).get("threshold").decimalValue()).isEqualByComparingTo("0.60");
        assertThat(breached.envelope().get("subject").asText()).isEqualTo(client.toString());
        assertThat(sameRecompute(tenant, breached))
                .containsExactlyInAnyOrder(EventTypes.DMI_MEASURED, EventTypes.ADOPTION_GATE_BREACHED, EventTypes.HEALTH_SCORED);

        String gateId = data.get("gateId").asText();
        as(tenant).get("/api/v1/clients/" + client + "/health").then().statusCode(200)
                .body("gates", hasSize(1)).body("gates[0].gateId", equalTo(gateId))
                .body("gates[0].gate", equalTo("FIX_FIRST")).body("gates[0].failing[0].coverage", equalTo(0.55f))
                .body("backupRisks", hasSize(0));

        // a recompute and a re-sent batch change nothing: no second gate event
        as(tenant).post("/api/v1/clients/" + client + "/health/recompute").then().statusCode(200);
        bulk(tenant, "ninjaone", List.of(mfa(client, "mfa-1120", "2026-11-20T13:55:00Z", 0.55))).statusCode(200)
                .body("summary.unchanged", equalTo(1));
        as(tenant).get("/api/v1/clients/" + client + "/health/gates").then().statusCode(200)
                .body("gates", hasSize(1)).body("gates[0].status", equalTo("OPEN"));
        assertThat(OutboxRows.of("health", tenant, EventTypes.ADOPTION_GATE_BREACHED)).hasSize(1);
    }

    @Test
    void failingBackupsOpenSequencingAndSuccessRateLowAndOneRecoveryBatchClearsAllThree() {
        UUID tenant = UUID.randomUUID();
        UUID client = scoredHarborDental(tenant);
        bulk(tenant, "ninjaone", List.of(mfa(client, "mfa-1", "2026-11-19T10:00:00Z", 0.55))).statusCode(200);
        awaitCount(tenant, EventTypes.ADOPTION_GATE_BREACHED, 1);

        // tier-1 DMI (5·.55 + 4·.90 + 4·.60 + 3·.60) / 16 = 65.94: YELLOW for C
        bulk(tenant, "datto", List.of(backup(client, "bk-2", "2026-11-19T12:00:00Z", 0.60, 150, 60, 4))).statusCode(200);
        OutboxRows.Row risk = awaitCount(tenant, EventTypes.BACKUP_RISK_DETECTED, 1).get(0);
        ContractAssertions.assertValid(risk);
        JsonNode riskData = risk.envelope().get("data");
        assertThat(riskData.get("kind").asText()).isEqualTo("SUCCESS_RATE_LOW");
        assertThat(riskData.get("successRate").decimalValue()).isEqualByComparingTo("0.60");
        assertThat(riskData.get("windowDays").asInt()).isEqualTo(30);
        assertThat(riskData.get("threshold").decimalValue()).isEqualByComparingTo("0.95");
        assertThat(riskData.get("failedJobs").asInt()).isEqualTo(60);
        assertThat(riskData.get("devicesAffected").asInt()).isEqualTo(4);
        assertThat(riskData.get("source").asText()).isEqualTo("datto");

        List<OutboxRows.Row> breaches = awaitCount(tenant, EventTypes.ADOPTION_GATE_BREACHED, 2);
        OutboxRows.Row sequencing = breaches.get(1);
        ContractAssertions.assertValid(sequencing);
        JsonNode failing = sequencing.envelope().get("data").get("failing");
        assertThat(sequencing.envelope().get("data").get("gate").asText()).isEqualTo("SEQUENCING");
        // weight × (target − coverage): MFA 2.00, BACKUP_SUCCESS 1.52, EMAIL_SECURITY 1.05, ENDPOINT_PROTECTION 0.32;
        // PATCH_COMPLIANCE has no value, so it is not listed
        assertThat(failing.findValuesAsText("insightCode"))
                .containsExactly("MFA", "BACKUP_SUCCESS", "EMAIL_SECURITY", "ENDPOINT_PROTECTION");
        assertThat(sameRecompute(tenant, risk)).containsExactlyInAnyOrder(EventTypes.DMI_MEASURED, EventTypes.DMI_DROPPED,
                EventTypes.ADOPTION_GATE_BREACHED, EventTypes.BACKUP_RISK_DETECTED, EventTypes.HEALTH_SCORED,
                EventTypes.HEALTH_COLOR_CHANGED);

        bulk(tenant, "datto", List.of(mfa(client, "mfa-3", "2026-11-20T13:00:00Z", 0.63),
                backup(client, "bk-3", "2026-11-20T13:00:00Z", 0.98, 150, 3, 1))).statusCode(200);
        List<OutboxRows.Row> cleared = awaitCount(tenant, EventTypes.ADOPTION_GATE_CLEARED, 2);
        cleared.forEach(ContractAssertions::assertValid);
        assertThat(cleared).extracting(r -> r.envelope().get("data").get("gate").asText())
                .containsExactlyInAnyOrder("FIX_FIRST", "SEQUENCING");
        assertThat(cleared).extracting(r -> r.envelope().get("data").get("clearedBy").asText())
                .containsOnly("MEASUREMENT");
        OutboxRows.Row riskCleared = awaitCount(tenant, EventTypes.BACKUP_RISK_CLEARED, 1).get(0);
        ContractAssertions.assertValid(riskCleared);
        assertThat(riskCleared.envelope().get("data").get("riskId").asText()).isEqualTo(riskData.get("riskId").asText());
        assertThat(sameRecompute(tenant, riskCleared)).containsExactlyInAnyOrder(EventTypes.DMI_MEASURED,
                EventTypes.ADOPTION_GATE_CLEARED, EventTypes.ADOPTION_GATE_CLEARED, EventTypes.BACKUP_RISK_CLEARED,
                EventTypes.HEALTH_SCORED, EventTypes.HEALTH_COLOR_CHANGED);

        as(tenant).get("/api/v1/clients/" + client + "/health").then().statusCode(200)
                .body("gates", hasSize(0)).body("backupRisks", hasSize(0));
        as(tenant).get("/api/v1/clients/" + client + "/health/gates").then().statusCode(200)
                .body("gates", hasSize(2)).body("gates.status", org.hamcrest.Matchers.everyItem(equalTo("CLEARED")))
                .body("backupRisks", hasSize(1)).body("backupRisks[0].status", equalTo("CLEARED"));
    }

    @Test
    void aCsLeaderOverridesAnOpenGateOnceAndTheSameInsightDoesNotReopenIt() {
        UUID tenant = UUID.randomUUID();
        UUID client = scoredHarborDental(tenant);
        bulk(tenant, "ninjaone", List.of(mfa(client, "mfa-1", "2026-11-19T10:00:00Z", 0.55))).statusCode(200);
        String gateId = awaitCount(tenant, EventTypes.ADOPTION_GATE_BREACHED, 1).get(0).envelope().get("data")
                .get("gateId").asText();
        String path = "/api/v1/clients/" + client + "/health/gates/" + gateId + "/override";

        as(tenant, "VIEWER").contentType(ContentType.JSON).body(Map.of("reason", "Client signed MFA project"))
                .post(path).then().statusCode(403);
        as(tenant).contentType(ContentType.JSON).body(Map.of("reason", "short")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(tenant).contentType(ContentType.JSON)
                .body(Map.of("reason", "Client signed MFA project", "expiresAt", "2027-06-01T00:00:00Z"))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
        as(UUID.randomUUID()).contentType(ContentType.JSON).body(Map.of("reason", "Client signed MFA project"))
                .post(path).then().statusCode(404);

        as(tenant).contentType(ContentType.JSON).body(Map.of("reason", "Client signed MFA project")).post(path)
                .then().statusCode(200).body("status", equalTo("CLEARED")).body("clearedBy", equalTo("OVERRIDE"))
                .body("override.expiresAt", equalTo("2026-12-20T14:00:00Z"));
        OutboxRows.Row cleared = awaitCount(tenant, EventTypes.ADOPTION_GATE_CLEARED, 1).get(0);
        ContractAssertions.assertValid(cleared);
        assertThat(cleared.envelope().get("data").get("clearedBy").asText()).isEqualTo("OVERRIDE");
        assertThat(cleared.envelope().get("data").get("reason").get("text").asText()).isEqualTo("Client signed MFA project");

        as(tenant).contentType(ContentType.JSON).body(Map.of("reason", "Client signed MFA project")).post(path)
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("gate-not-open"));

        // MFA still failing: the override holds, the recompute opens nothing
        as(tenant).post("/api/v1/clients/" + client + "/health/recompute").then().statusCode(200).body("gates", hasSize(0));
        assertThat(OutboxRows.of("health", tenant, EventTypes.ADOPTION_GATE_BREACHED)).hasSize(1);
    }
}
