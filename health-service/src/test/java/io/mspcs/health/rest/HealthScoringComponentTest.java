package io.mspcs.health.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventTypes;
import io.mspcs.health.support.HealthDatabase;
import io.mspcs.health.support.RegisteredClients;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.mspcs.platformtest.RowLevelSecurity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.health.rest.SignalIngestComponentTest.bulk;
import static io.mspcs.health.rest.SignalIngestComponentTest.item;
import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Signals → five dimensions → score record, HealthScored and colour events; explanation, history, recompute
 * without change, the portfolio, and versioned models with the background re-score. Clock: 2026-11-20T14:00Z.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class HealthScoringComponentTest {

    /**
     * Harbor Dental (segment C): E1's coverage (DMI 76.56), E2's CX (80.00 YELLOW), five tickets all within SLA
     * (quality 100.00 on 55 % present weight), service coverage 8/10 and alignment answers 4, 4 (77.86).
     */
    static List<Map<String, Object>> harborDental(UUID client) {
        String id = client.toString();
        List<Map<String, Object>> items = new ArrayList<>(List.of(
                item("externalId", "mfa", "type", "MFA_COVERAGE", "clientId", id, "observedAt", "2026-11-18T09:00:00Z", "coverage", 0.72),
                item("externalId", "av", "type", "ENDPOINT_PROTECTION_COVERAGE", "clientId", id, "observedAt", "2026-11-18T09:00:00Z", "coverage", 0.90),
                item("externalId", "bk", "type", "BACKUP_RESULT", "clientId", id, "observedAt", "2026-11-18T09:00:00Z",
                        "successRate", 0.97, "windowDays", 30, "jobsTotal", 100, "jobsFailed", 3, "devicesAffected", 1),
                item("externalId", "mail", "type", "INSIGHT_COVERAGE", "clientId", id, "observedAt", "2026-11-18T09:00:00Z",
                        "insightCode", "EMAIL_SECURITY", "coverage", 0.60),
                item("externalId", "collab", "type", "INSIGHT_COVERAGE", "clientId", id, "observedAt", "2026-11-18T09:00:00Z",
                        "insightCode", "COLLABORATION_USAGE", "coverage", 0.45),
                item("externalId", "sponsor", "type", "EXEC_SPONSOR_CONTACT", "clientId", id, "observedAt", "2026-10-06T14:00:00Z", "channel", "CALL"),
                item("externalId", "complaint", "type", "COMPLAINT", "clientId", id, "observedAt", "2026-11-15T14:00:00Z",
                        "rootCause", "QUALITY", "summary", "Printer ticket bounced twice"),
                item("externalId", "svc", "type", "SERVICE_COVERAGE", "clientId", id, "observedAt", "2026-11-01T09:00:00Z", "expected", 10, "delivered", 8),
                item("externalId", "al-1", "type", "SURVEY_RESPONSE", "clientId", id, "observedAt", "2026-10-01T09:00:00Z", "survey", "ALIGNMENT", "score", 4),
                item("externalId", "al-2", "type", "SURVEY_RESPONSE", "clientId", id, "observedAt", "2026-10-02T09:00:00Z", "survey", "ALIGNMENT", "score", 4)));
        int[] pulses = {5, 4, 4, 5, 4};
        for (int i = 0; i < pulses.length; i++) {
            items.add(item("externalId", "pulse-" + i, "type", "SURVEY_RESPONSE", "clientId", id,
                    "observedAt", "2026-11-1" + i + "T16:00:00Z", "survey", i % 2 == 0 ? "PULSE" : "CSAT", "score", pulses[i]));
        }
        for (int i = 0; i < 5; i++) {
            items.add(item("externalId", "t-" + i, "type", "TICKET_RESULT", "clientId", id, "observedAt", "2026-11-1" + i + "T12:00:00Z",
                    "closedAt", "2026-11-1" + i + "T12:00:00Z", "responseSlaMet", true, "resolutionSlaMet", true,
                    "reopenedWithin30d", false));
        }
        return items;
    }

    static UUID scoredHarborDental(UUID tenant) {
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");
        // the segment's own recompute comes first: registered in January with no sponsor contact, CX is RED/0
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(tenant)
                .get("/api/v1/clients/" + client + "/health/history").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].trigger", equalTo("SEGMENT_CHANGED")));
        bulk(tenant, "connectwise", harborDental(client)).statusCode(200).body("summary.created", equalTo(20));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(OutboxRows.of("health", tenant, EventTypes.HEALTH_SCORED)).hasSize(1));
        return client;
    }

    @Test
    void signalsScoreFiveDimensionsAndEmitAValidHealthScoredAndColourEvents() {
        UUID tenant = UUID.randomUUID();
        UUID client = scoredHarborDental(tenant);

        OutboxRows.Row scored = OutboxRows.of("health", tenant, EventTypes.HEALTH_SCORED).get(0);
        ContractAssertions.assertValid(scored);
        JsonNode data = scored.envelope().get("data");
        assertThat(data.get("composite").decimalValue()).isEqualByComparingTo("83.61");
        assertThat(data.get("color").asText()).isEqualTo("GREEN");
        assertThat(data.get("trigger").asText()).isEqualTo("SIGNALS");
        assertThat(data.get("segmentUsed").asText()).isEqualTo("C");
        assertThat(data.get("modelVersion").asInt()).isEqualTo(1);
        assertThat(data.get("dimensions")).hasSize(5);
        assertThat(data.get("dataAsOf").asText()).isEqualTo("2026-10-02T09:00:00Z");

        List<OutboxRows.Row> all = OutboxRows.of("health", tenant);
        all.forEach(ContractAssertions::assertValid);
        JsonNode cxRed = all.get(0).envelope().get("data");
        assertThat(all.get(0).type()).isEqualTo(EventTypes.HEALTH_COLOR_CHANGED);
        assertThat(cxRed.get("dimension").asText()).isEqualTo("CX");
        assertThat(cxRed.get("color").asText()).isEqualTo("RED");
        assertThat(cxRed.get("score").decimalValue()).isEqualByComparingTo("50.00");
        List<String> afterIngest = all.stream().skip(1).map(OutboxRows.Row::type)
                .filter(t -> !t.equals(EventTypes.SIGNALS_INGESTED) && !t.equals(EventTypes.COMPLAINT_LOGGED)).toList();
        assertThat(afterIngest).containsExactly(EventTypes.DMI_MEASURED, EventTypes.HEALTH_SCORED,
                EventTypes.HEALTH_COLOR_CHANGED, EventTypes.HEALTH_COLOR_CHANGED, EventTypes.HEALTH_COLOR_CHANGED,
                EventTypes.HEALTH_COLOR_CHANGED, EventTypes.HEALTH_COLOR_CHANGED);
        List<String> colourDimensions = OutboxRows.of("health", tenant, EventTypes.HEALTH_COLOR_CHANGED).stream().skip(1)
                .map(r -> r.envelope().get("data").get("dimension").asText()).toList();
        JsonNode cxYellow = OutboxRows.of("health", tenant, EventTypes.HEALTH_COLOR_CHANGED).get(1).envelope().get("data");
        assertThat(cxYellow.get("previousColor").asText()).isEqualTo("RED");
        assertThat(cxYellow.get("color").asText()).isEqualTo("YELLOW");
        assertThat(colourDimensions).containsExactly("CX", "ADOPTION", "SERVICE_QUALITY", "ALIGNMENT", "COMPOSITE");

        as(tenant).get("/api/v1/clients/" + client + "/health").then().statusCode(200)
                .body("scoreId", equalTo(data.get("scoreId").asText()))
                .body("composite", equalTo(83.61f)).body("color", equalTo("GREEN"))
                .body("compositeComplete", equalTo(true)).body("completeness", equalTo("4 of 5 dimensions"))
                .body("dimensions.find { it.dimension == 'CX' }.score", equalTo(80.00f))
                .body("dimensions.find { it.dimension == 'CX' }.color", equalTo("YELLOW"))
                .body("dimensions.find { it.dimension == 'CX' }.label", equalTo("Watch"))
                .body("dimensions.find { it.dimension == 'CX' }.inputs.find { it.key == 'pulse' }.value", equalTo(4.40f))
                .body("dimensions.find { it.dimension == 'CX' }.inputs.find { it.key == 'pulse' }.contribution", equalTo(42.50f))
                .body("dimensions.find { it.dimension == 'CX' }.inputs.find { it.key == 'pulse' }.ageDays", equalTo(5))
                .body("dimensions.find { it.dimension == 'CX' }.inputs.find { it.key == 'sponsor' }.value", equalTo(45))
                .body("dimensions.find { it.dimension == 'ADOPTION' }.score", equalTo(76.56f))
                .body("dimensions.find { it.dimension == 'SERVICE_QUALITY' }.score", equalTo(100.00f))
                .body("dimensions.find { it.dimension == 'ALIGNMENT' }.score", equalTo(77.86f))
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.complete", equalTo(false))
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.label", equalTo("Insufficient data"));
    }

    @Test
    void aRecomputeThatChangesNothingWritesAndEmitsNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = scoredHarborDental(tenant);
        int before = OutboxRows.of("health", tenant).size();
        String scoreId = as(tenant).get("/api/v1/clients/" + client + "/health").then().extract().path("scoreId");
        as(tenant).post("/api/v1/clients/" + client + "/health/recompute").then().statusCode(200)
                .body("scoreId", equalTo(scoreId));
        assertThat(OutboxRows.of("health", tenant)).hasSize(before);
        as(tenant).get("/api/v1/clients/" + client + "/health/history").then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void aNewMfaValueMovesTheScoreAndHistoryShowsTheChange() {
        UUID tenant = UUID.randomUUID();
        UUID client = scoredHarborDental(tenant);
        bulk(tenant, "connectwise", List.of(item("externalId", "mfa-2", "type", "MFA_COVERAGE", "clientId",
                client.toString(), "observedAt", "2026-11-20T13:55:00Z", "numerator", 33, "denominator", 60)))
                .statusCode(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(OutboxRows.of("health", tenant, EventTypes.HEALTH_SCORED)).hasSize(2));
        JsonNode second = OutboxRows.of("health", tenant, EventTypes.HEALTH_SCORED).get(1).envelope().get("data");
        assertThat(second.get("previousComposite").decimalValue()).isEqualByComparingTo("83.61");
        assertThat(second.get("dimensions").get(1).get("score").decimalValue()).isEqualByComparingTo("71.83");
        as(tenant).get("/api/v1/clients/" + client + "/health/history").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].changes.find { it.dimension == 'ADOPTION' && it.input == null }.from", equalTo(76.56f))
                .body("items[0].changes.find { it.dimension == 'ADOPTION' && it.input == null }.to", equalTo(71.83f));
        as(tenant).get("/api/v1/clients/" + client + "/health").then().statusCode(200)
                .body("topMovers[0].input", equalTo("MFA"));
    }

    @Test
    void thePortfolioListsWorstFirst() {
        UUID tenant = UUID.randomUUID();
        UUID scored = scoredHarborDental(tenant);
        UUID unscored = RegisteredClients.register(tenant, "Unscored Ltd");
        as(tenant).get("/api/v1/health/portfolio").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].clientId", equalTo(scored.toString()))
                .body("items[0].color", equalTo("GREEN")).body("items[0].composite", equalTo(83.61f))
                .body("items[1].clientId", equalTo(unscored.toString()));
        as(tenant).get("/api/v1/health/portfolio?color=RED").then().statusCode(200).body("items", hasSize(0));
        as(tenant).get("/api/v1/health/portfolio?color=PINK").then().statusCode(400);
        as(tenant).get("/api/v1/health/portfolio?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue());
    }

    @Test
    void publishingAModelReScoresInTheBackgroundAndHistoryMarksTheModelChange() {
        UUID tenant = UUID.randomUUID();
        UUID client = scoredHarborDental(tenant);
        Map<String, Object> content = Map.of("composite", Map.of("weightsBySegment", Map.of("C", Map.of(
                "CX", 0.25, "ADOPTION", 0.1667, "ENGAGEMENT", 0.1667, "SERVICE_QUALITY", 0.1666, "ALIGNMENT", 0.25))));
        as(tenant).body(Map.of("basedOnVersion", 1, "changeNote", "C: CX and alignment 25 %", "content", content))
                .post("/api/v1/health-models").then().statusCode(201)
                .body("version", equalTo(2)).body("status", equalTo("DRAFT"));
        as(tenant).body(Map.of("changeNote", "again")).post("/api/v1/health-models").then().statusCode(409)
                .body("type", equalTo("/problems/draft-exists"));
        as(tenant).post("/api/v1/health-models/2/publish").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("PUBLISHED"))
                .body("previousVersion", equalTo(1)).body("rescoreQueued", equalTo(1));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(OutboxRows.of("health", tenant, EventTypes.HEALTH_SCORED)).hasSize(2));
        OutboxRows.Row rescored = OutboxRows.of("health", tenant, EventTypes.HEALTH_SCORED).get(1);
        ContractAssertions.assertValid(rescored);
        assertThat(rescored.envelope().get("data").get("trigger").asText()).isEqualTo("MODEL_PUBLISHED");
        assertThat(rescored.envelope().get("data").get("modelVersion").asInt()).isEqualTo(2);
        as(tenant).get("/api/v1/clients/" + client + "/health/history").then().statusCode(200)
                .body("items[0].trigger", equalTo("MODEL_PUBLISHED"))
                .body("items[0].modelVersion", equalTo(2))
                .body("items[0].markers[0].type", equalTo("MODEL_CHANGED"))
                .body("items[0].markers[0].fromVersion", equalTo(1))
                .body("items[0].markers[0].toVersion", equalTo(2));

        as(tenant).body(Map.of("changeNote", "edit")).put("/api/v1/health-models/2").then().statusCode(409)
                .body("type", equalTo("/problems/model-published"));
        as(tenant).put("/api/v1/health-models/1").then().statusCode(409);
        as(tenant).post("/api/v1/health-models/2/publish").then().statusCode(409)
                .body("type", equalTo("/problems/not-draft"));
        as(tenant).get("/api/v1/health-models/active").then().statusCode(200)
                .body("version", equalTo(2)).body("content.composite.weightsBySegment.C.CX", equalTo(0.25f));
        as(tenant).get("/api/v1/health-models").then().statusCode(200)
                .body("items.version", org.hamcrest.Matchers.contains(2, 1))
                .body("items.status", org.hamcrest.Matchers.contains("PUBLISHED", "RETIRED"));
    }

    @Test
    void aModelWhoseWeightsDoNotSumToOneIsRefusedAndAViewerCannotWriteModels() {
        UUID tenant = UUID.randomUUID();
        as(tenant).body(Map.of("content", Map.of("composite", Map.of("weights", Map.of("CX", 0.5, "ADOPTION", 0.2)))))
                .post("/api/v1/health-models").then().statusCode(400)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("content.composite.weights"))
                .body("errors[0].code", equalTo("sum"));
        as(tenant, "VIEWER").body(Map.of("changeNote", "x")).post("/api/v1/health-models").then().statusCode(403);
        as(tenant).get("/api/v1/health-models/9").then().statusCode(404);
    }

    @Test
    void anotherTenantsClientIsNotFound() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.register(tenant, "Harbor Dental");
        as(UUID.randomUUID()).get("/api/v1/clients/" + client + "/health").then().statusCode(404);
        as(UUID.randomUUID()).post("/api/v1/clients/" + client + "/health/recompute").then().statusCode(404);
        as(tenant, "VIEWER").post("/api/v1/clients/" + client + "/health/recompute").then().statusCode(403);
    }

    /**
     * Reads run in a transaction (for the tenant scope) but write nothing: the score records and the model they load
     * are never updated by committing it.
     */
    @Test
    void readingHealthHistoryAndWhatIfUpdatesNoRow() {
        UUID tenant = UUID.randomUUID();
        UUID client = scoredHarborDental(tenant);

        as(tenant).get("/api/v1/clients/" + client + "/health").then().statusCode(200);
        as(tenant).get("/api/v1/clients/" + client + "/health/history").then().statusCode(200);
        as(tenant).body(Map.of("signals", List.of(), "segment", "A")).post("/api/v1/clients/" + client + "/health/what-if")
                .then().statusCode(200);

        assertThat(HealthDatabase.maxVersion("score_record", tenant)).isZero();
        assertThat(HealthDatabase.maxVersion("scoring_model", tenant)).isZero();
    }

    /**
     * Security case #13: the database itself confines the service's role to the tenant its transaction names. The
     * scored client fills client_health, signal, dmi_coverage, dmi_snapshot, scoring_model and score_record.
     */
    @Test
    void rowLevelSecurityHidesEveryTenantRowFromAQueryThatNamesNoTenant() {
        UUID tenant = UUID.randomUUID();
        scoredHarborDental(tenant);
        scoredHarborDental(UUID.randomUUID());

        RowLevelSecurity.assertTenantTablesIsolated("health", tenant, 6);
    }
}
