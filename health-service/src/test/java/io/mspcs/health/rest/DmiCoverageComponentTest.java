package io.mspcs.health.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventTypes;
import io.mspcs.health.support.HealthDatabase;
import io.mspcs.health.support.RegisteredClients;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Manual coverage → DMI sheet, snapshots and events, with health.md §7's Harbor Dental numbers. The default
 * catalogue has eight insights; E1 gives values to five of them (18 of 27 weight), which yields E1's DMI.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class DmiCoverageComponentTest {

    private static final String OBSERVED = "2026-11-18T09:00:00Z";

    private static Map<String, Object> item(String code, double coverage) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("insightCode", code);
        item.put("coverage", coverage);
        item.put("observedAt", OBSERVED);
        return item;
    }

    private static Map<String, Object> body(Object... items) {
        return Map.of("items", List.of(items));
    }

    private static Map<String, Object> e1() {
        return body(item("MFA", 0.72), item("ENDPOINT_PROTECTION", 0.90), item("BACKUP_SUCCESS", 0.97),
                item("EMAIL_SECURITY", 0.60), item("COLLABORATION_USAGE", 0.45));
    }

    private static ValidatableResponse post(UUID tenant, UUID client, Object body, String correlationId) {
        return as(tenant).header("X-Correlation-Id", correlationId).body(body)
                .post("/api/v1/clients/" + client + "/dmi/coverage").then();
    }

    private static ValidatableResponse post(UUID tenant, UUID client, Object body) {
        return post(tenant, client, body, "corr-" + UUID.randomUUID());
    }

    /** The DMI events only: health scoring runs right after each commit and adds its own events. */
    private static List<OutboxRows.Row> rows(UUID tenant) {
        return OutboxRows.of("health", tenant).stream().filter(row -> row.type().startsWith("health.Dmi")).toList();
    }

    private static JsonNode measuredData(UUID tenant, String dmi) {
        return OutboxRows.of("health", tenant, EventTypes.DMI_MEASURED).stream()
                .map(row -> row.envelope().get("data"))
                .filter(data -> data.get("dmi").decimalValue().compareTo(new BigDecimal(dmi)) == 0)
                .findFirst().orElseThrow();
    }

    @Test
    void firstCoverageAnswersTheSheetAndEmitsAValidDmiMeasured() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");

        post(tenant, client, e1(), "corr-e1-coverage").statusCode(200)
                .body("clientId", equalTo(client.toString()))
                .body("dmi", equalTo(76.56f)).body("color", equalTo("GREEN")).body("label", equalTo("Stable"))
                .body("complete", equalTo(true)).body("completeness", equalTo(0.6667f))
                .body("tier1Dmi", equalTo(80.50f))
                .body("categories.category", contains("IDENTITY_ACCESS", "SECURITY", "BACKUP_DR", "PRODUCTIVITY_COLLAB"))
                .body("categories.score", contains(72.00f, 77.14f, 97.00f, 45.00f))
                .body("topGaps.insightCode", contains("MFA", "EMAIL_SECURITY", "COLLABORATION_USAGE",
                        "ENDPOINT_PROTECTION", "BACKUP_SUCCESS"))
                .body("topGaps.gap", contains(1.15f, 1.05f, 0.50f, 0.32f, 0.04f))
                .body("insights.find { it.code == 'MFA' }.contribution", equalTo(20.00f))
                .body("insights.find { it.code == 'MFA' }.status", equalTo("OK"))
                .body("insights.find { it.code == 'MFA' }.source", equalTo("manual"))
                .body("insights.find { it.code == 'PATCH_COMPLIANCE' }.status", equalTo("MISSING"))
                .body("insights.find { it.code == 'PATCH_COMPLIANCE' }.coverage", nullValue())
                .body("band.profile", equalTo("C")).body("dataAsOf", equalTo(OBSERVED));

        List<OutboxRows.Row> rows = rows(tenant);
        assertThat(rows).extracting(OutboxRows.Row::type).containsExactly(EventTypes.DMI_MEASURED);
        OutboxRows.Row measured = rows.get(0);
        ContractAssertions.assertValid(measured);
        assertThat(measured.correlationId()).isEqualTo("corr-e1-coverage");
        assertThat(measured.causationId()).isNull();
        assertThat(measured.partitionKey()).isEqualTo(tenant + ":" + client);
        JsonNode data = measured.envelope().get("data");
        assertThat(data.get("dmi").decimalValue()).isEqualByComparingTo("76.56");
        assertThat(data.path("previousDmi").isNull() || data.path("previousDmi").isMissingNode()).isTrue();
        assertThat(data.get("color").asText()).isEqualTo("GREEN");
        assertThat(data.get("method").asText()).isEqualTo("WEIGHTED_COVERAGE");
        assertThat(data.get("catalogVersion").asInt()).isEqualTo(1);
        assertThat(data.get("insights")).hasSize(5);
        assertThat(data.get("categories")).hasSize(4);
        assertThat(data.get("dataAsOf").asText()).isEqualTo(OBSERVED);

        as(tenant).get("/api/v1/clients/" + client + "/dmi").then().statusCode(200)
                .body("dmi", equalTo(76.56f)).body("color", equalTo("GREEN"));
        as(tenant).get("/api/v1/clients/" + client + "/dmi/snapshots").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].snapshotId", equalTo(data.get("snapshotId").asText()))
                .body("items[0].kind", equalTo("INTERIM")).body("items[0].period", equalTo("2026-11"))
                .body("items[0].dmi", equalTo(76.56f)).body("items[0].dropped", equalTo(false))
                .body("items[0].modelVersion", equalTo(1)).body("items[0].insights", hasSize(5));
    }

    @Test
    void aDropEmitsDmiMeasuredThenDmiDroppedAgainstTheHighestRecentSnapshot() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");
        post(tenant, client, e1()).statusCode(200).body("dmi", equalTo(76.56f));

        Map<String, Object> mfaCounts = Map.of("insightCode", "MFA", "numerator", 33, "denominator", 60);
        post(tenant, client, body(mfaCounts)).statusCode(200)
                .body("dmi", equalTo(71.83f)).body("color", equalTo("GREEN"));
        post(tenant, client, body(item("BACKUP_SUCCESS", 0.60)), "corr-backup-failure").statusCode(200)
                .body("dmi", equalTo(63.61f)).body("color", equalTo("YELLOW"));

        assertThat(rows(tenant).stream().map(OutboxRows.Row::type).toList()).containsExactly(EventTypes.DMI_MEASURED,
                EventTypes.DMI_MEASURED, EventTypes.DMI_MEASURED, EventTypes.DMI_DROPPED);
        List<OutboxRows.Row> rows = rows(tenant);
        rows.forEach(ContractAssertions::assertValid);
        JsonNode second = measuredData(tenant, "71.83");
        assertThat(second.get("previousDmi").decimalValue()).isEqualByComparingTo("76.56");
        assertThat(second.get("delta").decimalValue()).isEqualByComparingTo("-4.73");

        JsonNode third = measuredData(tenant, "63.61");
        assertThat(third.get("previousDmi").decimalValue()).isEqualByComparingTo("71.83");
        assertThat(third.get("delta").decimalValue()).isEqualByComparingTo("-8.22");
        assertThat(third.get("color").asText()).isEqualTo("YELLOW");

        OutboxRows.Row dropRow = OutboxRows.of("health", tenant, EventTypes.DMI_DROPPED).get(0);
        assertThat(dropRow.correlationId()).isEqualTo("corr-backup-failure");
        JsonNode drop = dropRow.envelope().get("data");
        assertThat(drop.get("snapshotId").asText()).isEqualTo(third.get("snapshotId").asText());
        assertThat(drop.get("dmi").decimalValue()).isEqualByComparingTo("63.61");
        assertThat(drop.get("previousDmi").decimalValue()).isEqualByComparingTo("76.56");
        assertThat(drop.get("delta").decimalValue()).isEqualByComparingTo("-12.95");
        assertThat(drop.get("threshold").decimalValue()).isEqualByComparingTo("10");
        assertThat(drop.get("color").asText()).isEqualTo("YELLOW");
        assertThat(drop.get("previousColor").asText()).isEqualTo("GREEN");
        assertThat(drop.get("segment").asText()).isEqualTo("C");
        assertThat(drop.get("catalogVersion").asInt()).isEqualTo(1);
        List<String> gaps = new ArrayList<>();
        drop.get("topGaps").forEach(gap -> gaps.add(gap.get("insightCode").asText()));
        assertThat(gaps).containsExactly("MFA", "BACKUP_SUCCESS", "EMAIL_SECURITY", "COLLABORATION_USAGE",
                "ENDPOINT_PROTECTION");
        assertThat(drop.at("/topGaps/0/coverage").decimalValue()).isEqualByComparingTo("0.55");
        assertThat(drop.at("/topGaps/0/weight").asInt()).isEqualTo(5);
        assertThat(drop.at("/reason/code").asText()).isEqualTo("DMI_DROP");
        assertThat(drop.at("/reason/text").asText()).isEqualTo("DMI fell 12.95 points (threshold 10)");
        assertThat(drop.at("/reason/ruleId").asText()).isEqualTo("dmi-drop");
        assertThat(drop.at("/reason/ruleVersion").asInt()).isEqualTo(1);
        assertThat(drop.at("/reason/modelVersion").asInt()).isEqualTo(1);

        // E4 step 3: counted from the dropped snapshot now, a small recovery is a DmiMeasured only.
        post(tenant, client, body(Map.of("insightCode", "MFA", "coverage", 0.61))).statusCode(200)
                .body("dmi", equalTo(65.28f));
        assertThat(rows(tenant).stream().map(OutboxRows.Row::type).toList()).hasSize(5).last().isEqualTo(EventTypes.DMI_MEASURED);
        as(tenant).get("/api/v1/clients/" + client + "/dmi/snapshots").then().statusCode(200)
                .body("items.dmi", contains(65.28f, 63.61f, 71.83f, 76.56f))
                .body("items.dropped", contains(false, true, false, false))
                .body("items[1].dropReference", equalTo(76.56f))
                .body("items[0].dropReference", equalTo(63.61f))
                .body("items[0].delta", equalTo(1.67f));
    }

    @Test
    void resendingTheSameCoverageChangesNothingAndEmitsNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");
        post(tenant, client, e1()).statusCode(200);

        post(tenant, client, e1()).statusCode(200).body("dmi", equalTo(76.56f)).body("color", equalTo("GREEN"));

        assertThat(rows(tenant)).hasSize(1);
        assertThat(HealthDatabase.count("dmi_snapshot", tenant)).isEqualTo(1);
    }

    @Test
    void aSmallMoveKeepsTheLastSnapshotAndEmitsNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");
        post(tenant, client, e1()).statusCode(200);

        post(tenant, client, body(item("MFA", 0.73))).statusCode(200).body("dmi", equalTo(76.83f));

        assertThat(rows(tenant)).hasSize(1);
    }

    @Test
    void anOlderObservationNeverOverwritesANewerOne() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.register(tenant, "Harbor Dental");
        post(tenant, client, body(Map.of("insightCode", "MFA", "coverage", 0.9, "observedAt", "2026-11-19T08:00:00Z")))
                .statusCode(200);

        post(tenant, client, body(Map.of("insightCode", "MFA", "coverage", 0.4, "observedAt", "2026-11-10T08:00:00Z")))
                .statusCode(200)
                .body("insights.find { it.code == 'MFA' }.coverage", equalTo(0.9f))
                .body("insights.find { it.code == 'MFA' }.observedAt", equalTo("2026-11-19T08:00:00Z"));
    }

    @Test
    void pushedCoverageOlderThan30DaysIsExpiredWhileManualCoverageOfTheSameAgeStillCounts() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.register(tenant, "Harbor Dental");
        String monthAgo = "2026-10-21T13:00:00Z"; // 30 days and 1 hour before the clock
        as(tenant).body(Map.of("source", "ninjaone", "items", List.of(Map.of("externalId", "mfa-1021",
                        "type", "MFA_COVERAGE", "clientId", client.toString(), "observedAt", monthAgo, "coverage", 0.72))))
                .post("/api/v1/signals/bulk").then().statusCode(200).body("summary.created", equalTo(1));

        post(tenant, client, body(Map.of("insightCode", "ENDPOINT_PROTECTION", "coverage", 0.9, "observedAt", monthAgo)))
                .statusCode(200)
                .body("insights.find { it.code == 'MFA' }.status", equalTo("EXPIRED"))
                .body("insights.find { it.code == 'MFA' }.contribution", nullValue())
                .body("insights.find { it.code == 'ENDPOINT_PROTECTION' }.status", equalTo("OK"));
    }

    @Test
    void anIncompleteDmiHasNoValueNoColourAndNoSnapshot() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.register(tenant, "Harbor Dental");

        post(tenant, client, body(item("MFA", 0.9), item("BACKUP_SUCCESS", 0.9))).statusCode(200)
                .body("dmi", nullValue()).body("color", nullValue()).body("label", equalTo("Insufficient data"))
                .body("complete", equalTo(false)).body("completeness", equalTo(0.3333f))
                .body("categories", hasSize(2));
        assertThat(rows(tenant)).isEmpty();

        post(tenant, client, body(item("ENDPOINT_PROTECTION", 0.9), item("PATCH_COMPLIANCE", 0.9))).statusCode(200)
                .body("dmi", equalTo(90.00f)).body("complete", equalTo(true)).body("color", equalTo("GREEN"));
        assertThat(rows(tenant)).extracting(OutboxRows.Row::type).containsExactly(EventTypes.DMI_MEASURED);
    }

    @Test
    void refusesBadInputWithProblemJsonAndWritesNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.register(tenant, "Harbor Dental");

        post(tenant, client, body(Map.of("insightCode", "MFA", "coverage", 1.5))).statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("items[0].coverage")).body("errors[0].code", equalTo("range"));
        post(tenant, client, body(Map.of("insightCode", "MFA", "numerator", 61, "denominator", 60))).statusCode(400)
                .body("errors[0].field", equalTo("items[0].numerator"));
        post(tenant, client, body(Map.of("insightCode", "MFA", "coverage", 0.5, "numerator", 1, "denominator", 2)))
                .statusCode(400).body("errors[0].code", equalTo("one-of"));
        post(tenant, client, Map.of("items", List.of())).statusCode(400).body("errors[0].field", equalTo("items"));
        post(tenant, client, body(item("MFA", 0.5), Map.of("insightCode", "PRINTER_TONER", "coverage", 0.5)))
                .statusCode(422).contentType("application/problem+json").body("type", equalTo("/problems/unknown-insight"))
                .body("errors[0].field", equalTo("items[1].insightCode"));
        post(tenant, client, body(Map.of("insightCode", "MFA", "coverage", 0.5, "observedAt", "2026-11-22T00:00:00Z")))
                .statusCode(422).body("type", equalTo("/problems/observed-in-future"))
                .body("errors[0].field", equalTo("items[0].observedAt"));
        as(tenant).body("{\"items\": [").post("/api/v1/clients/" + client + "/dmi/coverage").then()
                .statusCode(400).contentType("application/problem+json").body("type", equalTo("/problems/malformed-json"))
                .body("correlationId", notNullValue());
        post(tenant, client, body(Map.of("insightCode", "MFA", "coverage", "lots"))).statusCode(400)
                .contentType("application/problem+json");

        assertThat(rows(tenant)).isEmpty();
        assertThat(HealthDatabase.count("dmi_coverage", tenant)).isZero();
        assertThat(HealthDatabase.count("dmi_snapshot", tenant)).isZero();
        assertThat(HealthDatabase.count("dmi_catalog", tenant)).as("a refused request stores no catalogue either").isZero();
    }

    @Test
    void neitherAnUnknownClientNorAnotherTenantsClientIsFound() {
        UUID owner = UUID.randomUUID();
        UUID client = RegisteredClients.register(owner, "Private Dental");
        UUID other = UUID.randomUUID();

        post(other, client, e1()).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        as(other).get("/api/v1/clients/" + client + "/dmi").then().statusCode(404);
        as(other).get("/api/v1/clients/" + client + "/dmi/snapshots").then().statusCode(404);
        post(owner, UUID.randomUUID(), e1()).statusCode(404);
        assertThat(rows(other)).isEmpty();
        assertThat(rows(owner)).isEmpty();
    }

    @Test
    void pagesSnapshotsNewestFirst() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");
        post(tenant, client, e1()).statusCode(200);
        post(tenant, client, body(item("MFA", 0.80))).statusCode(200);
        post(tenant, client, body(item("MFA", 0.90))).statusCode(200);
        String path = "/api/v1/clients/" + client + "/dmi/snapshots";

        String cursor = as(tenant).queryParam("limit", 2).get(path).then().statusCode(200)
                .body("items.dmi", contains(81.56f, 78.78f)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as(tenant).queryParam("limit", 2).queryParam("cursor", cursor).get(path).then().statusCode(200)
                .body("items.dmi", contains(76.56f)).body("nextCursor", nullValue());
        as(tenant).queryParam("kind", "CYCLE").get(path).then().statusCode(200).body("items", hasSize(0));
        as(tenant).queryParam("kind", "WEEKLY").get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }
}
