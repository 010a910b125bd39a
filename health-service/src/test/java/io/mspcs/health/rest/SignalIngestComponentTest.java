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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** POST /api/v1/signals/bulk with health.md §6's bulk example (received 2026-11-20T14:00:00Z). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class SignalIngestComponentTest {

    private static final String RECEIVED = "2026-11-20T14:00:00Z";

    static Map<String, Object> item(Object... keyValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            item.put((String) keyValues[i], keyValues[i + 1]);
        }
        return item;
    }

    static ValidatableResponse bulk(UUID tenant, String source, List<?> items) {
        return as(tenant).header("X-Received-At", RECEIVED)
                .body(Map.of("source", source, "items", items))
                .post("/api/v1/signals/bulk").then();
    }

    private static List<String> types(UUID tenant, String prefix) {
        return OutboxRows.of("health", tenant).stream().map(OutboxRows.Row::type).filter(t -> t.startsWith(prefix)).toList();
    }

    @Test
    void theSpecExampleCreatesOneKeepsTheNewerStoredOneAndRejectsAnUnknownType() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");
        bulk(tenant, "ninjaone", List.of(item("externalId", "mfa-4411-1118", "type", "MFA_COVERAGE",
                "clientId", client.toString(), "observedAt", "2026-11-18T13:55:00Z", "coverage", 0.72)))
                .statusCode(200).body("items[0].status", equalTo("CREATED"));

        bulk(tenant, "ninjaone", List.of(
                item("externalId", "mfa-4411-1120", "type", "MFA_COVERAGE",
                        "client", Map.of("source", "connectwise", "externalId", "19283"),
                        "observedAt", "2026-11-20T13:55:00Z", "numerator", 33, "denominator", 60),
                item("externalId", "mfa-4411-1118", "type", "MFA_COVERAGE", "clientId", client.toString(),
                        "observedAt", "2026-11-18T09:00:00Z", "coverage", 0.70),
                item("externalId", "x-1", "type", "PRINTER_TONER", "clientId", client.toString(),
                        "observedAt", "2026-11-20T13:00:00Z")))
                .statusCode(200)
                .body("batchId", notNullValue())
                .body("summary.received", equalTo(3)).body("summary.created", equalTo(1))
                .body("summary.updated", equalTo(0)).body("summary.unchanged", equalTo(1))
                .body("summary.rejected", equalTo(1))
                .body("items[0].index", equalTo(0)).body("items[0].status", equalTo("CREATED"))
                .body("items[0].signalId", notNullValue()).body("items[0].clientId", equalTo(client.toString()))
                .body("items[0].current", equalTo(true))
                .body("items[1].status", equalTo("UNCHANGED")).body("items[1].stale", equalTo(true))
                .body("items[1].clientId", equalTo(client.toString()))
                .body("items[2].status", equalTo("REJECTED"))
                .body("items[2].problem.type", equalTo("/problems/unknown-signal-type"))
                .body("items[2].problem.status", equalTo(422))
                .body("items[2].problem.title", equalTo("Unknown signal type"))
                .body("items[2].problem.errors[0].field", equalTo("items[2].type"))
                .body("items[2].problem.errors[0].code", equalTo("unknown"));

        // the newer MFA observation (33/60 = 0.55) is the current coverage
        as(tenant).get("/api/v1/clients/" + client + "/dmi").then().statusCode(200)
                .body("insights.find { it.code == 'MFA' }.coverage", equalTo(0.55f));
        List<OutboxRows.Row> ingested = OutboxRows.of("health", tenant, EventTypes.SIGNALS_INGESTED);
        assertThat(ingested).hasSize(2);
        ingested.forEach(ContractAssertions::assertValid);
        JsonNode data = ingested.get(1).envelope().get("data");
        assertThat(data.get("clientId").asText()).isEqualTo(client.toString());
        assertThat(data.get("source").asText()).isEqualTo("ninjaone");
        assertThat(data.get("kinds")).extracting(JsonNode::asText).containsExactly("IDENTITY");
        assertThat(data.get("accepted").asInt()).isEqualTo(2);
        assertThat(data.get("rejected").asInt()).isEqualTo(1);
        assertThat(data.get("observedFrom").asText()).isEqualTo("2026-11-18T09:00:00Z");
        assertThat(data.get("observedTo").asText()).isEqualTo("2026-11-20T13:55:00Z");
        assertThat(data.get("maxDataAgeSeconds").asLong()).isEqualTo(190_800L);
    }

    @Test
    void reSendingTheSameSignalIsUnchangedAndEmitsNothingWhileANewerObservationUpdates() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");
        Map<String, Object> mfa = item("externalId", "mfa-1", "type", "MFA_COVERAGE", "clientId", client.toString(),
                "observedAt", "2026-11-20T13:55:00Z", "numerator", 33, "denominator", 60);
        bulk(tenant, "ninjaone", List.of(mfa)).statusCode(200).body("items[0].status", equalTo("CREATED"));
        bulk(tenant, "ninjaone", List.of(mfa)).statusCode(200)
                .body("items[0].status", equalTo("UNCHANGED")).body("items[0].stale", nullValue())
                .body("summary.unchanged", equalTo(1));
        assertThat(types(tenant, "health.SignalsIngested")).hasSize(1);

        Map<String, Object> newer = new LinkedHashMap<>(mfa);
        newer.put("observedAt", "2026-11-20T13:58:00Z");
        newer.put("numerator", 36);
        bulk(tenant, "ninjaone", List.of(newer)).statusCode(200)
                .body("items[0].status", equalTo("UPDATED")).body("summary.updated", equalTo(1));
        assertThat(types(tenant, "health.SignalsIngested")).hasSize(2);
        assertThat(HealthDatabase.count("signal", tenant)).isEqualTo(1);
    }

    @Test
    void badItemsAreRejectedEachWithItsProblemWhileTheGoodOnesAreKept() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");
        String id = client.toString();
        bulk(tenant, "psa-1", List.of(
                item("externalId", "ok", "type", "SURVEY_RESPONSE", "clientId", id, "observedAt", "2026-11-19T10:00:00Z",
                        "survey", "PULSE", "score", 5),
                item("externalId", "future", "type", "MFA_COVERAGE", "clientId", id, "observedAt", "2026-11-22T10:00:00Z",
                        "coverage", 0.5),
                item("externalId", "range", "type", "MFA_COVERAGE", "clientId", id, "observedAt", "2026-11-19T10:00:00Z",
                        "numerator", 70, "denominator", 60),
                item("externalId", "both", "type", "MFA_COVERAGE", "clientId", id, "observedAt", "2026-11-19T10:00:00Z",
                        "coverage", 0.5, "numerator", 1, "denominator", 2),
                item("externalId", "nobody", "type", "COMPLAINT", "clientId", UUID.randomUUID().toString(),
                        "observedAt", "2026-11-19T10:00:00Z", "rootCause", "QUALITY", "summary", "Slow"),
                item("externalId", "insight", "type", "INSIGHT_COVERAGE", "clientId", id,
                        "observedAt", "2026-11-19T10:00:00Z", "insightCode", "NOT_IN_CATALOG", "coverage", 0.5),
                item("type", "COMPLAINT", "clientId", id, "observedAt", "2026-11-19T10:00:00Z")))
                .statusCode(200)
                .body("summary.created", equalTo(1)).body("summary.rejected", equalTo(6))
                .body("items[0].status", equalTo("CREATED"))
                .body("items[1].problem.type", equalTo("/problems/observed-in-future"))
                .body("items[1].problem.errors[0].field", equalTo("items[1].observedAt"))
                .body("items[2].problem.type", equalTo("/problems/value-out-of-range"))
                .body("items[2].problem.errors[0].field", equalTo("items[2].numerator"))
                .body("items[3].problem.type", equalTo("/problems/validation-failed"))
                .body("items[3].problem.status", equalTo(400))
                .body("items[3].problem.errors[0].code", equalTo("one-of"))
                .body("items[4].problem.type", equalTo("/problems/client-not-found"))
                .body("items[5].problem.type", equalTo("/problems/unknown-insight"))
                .body("items[6].problem.type", equalTo("/problems/validation-failed"))
                .body("items[6].problem.errors.code", org.hamcrest.Matchers.hasItem("required"));
        assertThat(HealthDatabase.count("signal", tenant)).isEqualTo(1);
    }

    @Test
    void aBatchThatIsEmptyTooLargeOrRepeatsAKeyIsRefusedWholeAndWritesNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.register(tenant, "Harbor Dental");
        bulk(tenant, "psa", List.of()).statusCode(400)
                .body("type", equalTo("/problems/validation-failed"));
        Map<String, Object> one = item("externalId", "t-1", "type", "COMPLAINT", "clientId", client.toString(),
                "observedAt", "2026-11-19T10:00:00Z", "rootCause", "QUALITY", "summary", "Slow");
        bulk(tenant, "psa", List.of(one, one)).statusCode(400)
                .body("type", equalTo("/problems/duplicate-in-batch"))
                .body("errors[0].field", equalTo("items[1].externalId"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 5_000; i++) {
            tooMany.add(item("externalId", "x" + i, "type", "COMPLAINT"));
        }
        bulk(tenant, "psa", tooMany).statusCode(400).body("type", equalTo("/problems/bulk-limit-exceeded"));
        bulk(tenant, "Not A Source", List.of(one)).statusCode(400).body("type", equalTo("/problems/validation-failed"));
        assertThat(HealthDatabase.count("signal", tenant)).isZero();
        assertThat(OutboxRows.of("health", tenant)).isEmpty();
    }

    @Test
    void aNewComplaintIsLoggedOnceAndItsUpdateLogsNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.register(tenant, "Harbor Dental");
        Map<String, Object> complaint = item("externalId", "c-1", "type", "COMPLAINT", "clientId", client.toString(),
                "observedAt", "2026-11-19T10:00:00Z", "rootCause", "FOLLOW_THROUGH", "summary", "No recap after the QBR");
        bulk(tenant, "psa", List.of(complaint)).statusCode(200);
        Map<String, Object> edited = new LinkedHashMap<>(complaint);
        edited.put("summary", "No recap after the QBR, twice");
        bulk(tenant, "psa", List.of(edited)).statusCode(200).body("items[0].status", equalTo("UPDATED"));
        List<OutboxRows.Row> logged = OutboxRows.of("health", tenant, EventTypes.COMPLAINT_LOGGED);
        assertThat(logged).hasSize(1);
        ContractAssertions.assertValid(logged.get(0));
        JsonNode data = logged.get(0).envelope().get("data");
        assertThat(data.get("rootCause").asText()).isEqualTo("FOLLOW_THROUGH");
        assertThat(data.get("summary").asText()).isEqualTo("No recap after the QBR");
        assertThat(data.get("observedAt").asText()).isEqualTo("2026-11-19T10:00:00Z");
    }

    @Test
    void aViewerCannotIngest() {
        UUID tenant = UUID.randomUUID();
        as(tenant, "VIEWER").body(Map.of("source", "psa", "items", List.of(item("externalId", "a"))))
                .post("/api/v1/signals/bulk").then().statusCode(403);
        as(tenant, "signals:write").body(Map.of("source", "psa", "items", List.of()))
                .post("/api/v1/signals/bulk").then().statusCode(400);
    }
}
