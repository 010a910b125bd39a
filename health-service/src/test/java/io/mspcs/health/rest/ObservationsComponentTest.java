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

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.health.rest.SignalIngestComponentTest.item;
import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** POST …/health/observations (manual signals) and GET /signals. Clock: 2026-11-20T14:00Z. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class ObservationsComponentTest {

    private static ValidatableResponse observe(UUID tenant, UUID client, List<?> items) {
        return as(tenant).body(Map.of("items", items)).post("/api/v1/clients/" + client + "/health/observations").then();
    }

    private static Map<String, Object> complaint() {
        return item("type", "COMPLAINT", "observedAt", "2026-11-15T14:00:00Z", "rootCause", "QUALITY",
                "summary", "Printer ticket bounced twice");
    }

    @Test
    void observationsAreStoredAsManualSignalsEmitComplaintLoggedAndReScoreTheClient() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");

        observe(tenant, client, List.of(complaint(),
                item("type", "SURVEY_RESPONSE", "observedAt", "2026-11-12T16:00:00Z", "survey", "PULSE", "score", 4),
                // observedAt defaults to now
                item("type", "EXEC_SPONSOR_CONTACT", "channel", "CALL")))
                .statusCode(200)
                .body("summary.received", equalTo(3)).body("summary.created", equalTo(3))
                .body("items.status", equalTo(List.of("CREATED", "CREATED", "CREATED")))
                .body("items[0].clientId", equalTo(client.toString()));

        List<OutboxRows.Row> complaints = OutboxRows.of("health", tenant, EventTypes.COMPLAINT_LOGGED);
        assertThat(complaints).hasSize(1);
        ContractAssertions.assertValid(complaints.get(0));
        JsonNode complaint = complaints.get(0).envelope().get("data");
        assertThat(complaint.get("source").asText()).isEqualTo("manual");
        assertThat(complaint.get("rootCause").asText()).isEqualTo("QUALITY");
        List<OutboxRows.Row> ingested = OutboxRows.of("health", tenant, EventTypes.SIGNALS_INGESTED);
        assertThat(ingested).hasSize(1);
        ContractAssertions.assertValid(ingested.get(0));
        assertThat(ingested.get(0).envelope().get("data").get("source").asText()).isEqualTo("manual");

        as(tenant).get("/api/v1/signals?clientId=" + client + "&type=COMPLAINT").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].source", equalTo("manual"))
                .body("items[0].externalId", startsWith("manual-"))
                .body("items[0].values.rootCause", equalTo("QUALITY"))
                .body("items[0].observedAt", equalTo("2026-11-15T14:00:00Z"));
        as(tenant).get("/api/v1/signals?clientId=" + client + "&type=EXEC_SPONSOR_CONTACT").then().statusCode(200)
                .body("items[0].observedAt", equalTo("2026-11-20T14:00:00Z"));

        // E2's complaint input: one complaint in 30 days → 50
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/health")
                .then().statusCode(200)
                .body("dimensions.find { it.dimension == 'CX' }.inputs.find { it.key == 'complaints' }.value", equalTo(1))
                .body("dimensions.find { it.dimension == 'CX' }.inputs.find { it.key == 'complaints' }.subScore",
                        equalTo(50.00f)));
    }

    @Test
    void oneBadObservationRefusesTheWholeCallAndStoresNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");

        observe(tenant, client, List.of(complaint(), item("type", "MFA_COVERAGE", "coverage", 0.5)))
                .statusCode(422).body("type", equalTo("/problems/unknown-signal-type"))
                .body("errors[0].field", equalTo("items[1].type"));
        observe(tenant, client, List.of(complaint(), item("type", "SURVEY_RESPONSE", "survey", "PULSE", "score", 9)))
                .statusCode(422).body("type", equalTo("/problems/value-out-of-range"))
                .body("errors[0].field", equalTo("items[1].score"));
        observe(tenant, client, List.of(item("type", "COMPLAINT", "rootCause", "QUALITY")))
                .statusCode(400).body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("items[0].summary")).body("errors[0].code", equalTo("required"));
        observe(tenant, client, List.of(complaint(), item("type", "COMPLAINT", "observedAt", "2026-11-22T00:00:00Z",
                "rootCause", "QUALITY", "summary", "later")))
                .statusCode(422).body("type", equalTo("/problems/observed-in-future"));
        observe(tenant, client, Collections.nCopies(51, complaint()))
                .statusCode(400).body("errors[0].field", equalTo("items")).body("errors[0].code", equalTo("max"));
        observe(tenant, client, List.of()).statusCode(400).body("errors[0].code", equalTo("required"));

        assertThat(HealthDatabase.count("signal", tenant)).isZero();
        assertThat(OutboxRows.of("health", tenant, EventTypes.SIGNALS_INGESTED)).isEmpty();
    }

    @Test
    void observationsNeedACsRoleAndAKnownClient() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");

        as(tenant, "VIEWER").body(Map.of("items", List.of(complaint())))
                .post("/api/v1/clients/" + client + "/health/observations").then().statusCode(403);
        as(tenant, "AM").body(Map.of("items", List.of(complaint())))
                .post("/api/v1/clients/" + client + "/health/observations").then().statusCode(200);
        observe(tenant, UUID.randomUUID(), List.of(complaint())).statusCode(404);
        observe(UUID.randomUUID(), client, List.of(complaint())).statusCode(404);
    }

    @Test
    void signalsAreListedNewestFirstPagedAndFilteredByTime() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "C");
        SignalIngestComponentTest.bulk(tenant, "connectwise", List.of(
                item("externalId", "s-1", "type", "SURVEY_RESPONSE", "clientId", client.toString(),
                        "observedAt", "2026-11-01T10:00:00Z", "survey", "CSAT", "score", 5),
                item("externalId", "s-2", "type", "SURVEY_RESPONSE", "clientId", client.toString(),
                        "observedAt", "2026-11-10T10:00:00Z", "survey", "CSAT", "score", 4),
                item("externalId", "m-1", "type", "MFA_COVERAGE", "clientId", client.toString(),
                        "observedAt", "2026-11-05T10:00:00Z", "coverage", 0.7))).statusCode(200);

        as(tenant).get("/api/v1/signals?clientId=" + client).then().statusCode(200)
                .body("items.externalId", equalTo(List.of("s-2", "m-1", "s-1"))).body("nextCursor", nullValue());
        as(tenant).get("/api/v1/signals?clientId=" + client + "&limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue());
        as(tenant).get("/api/v1/signals?clientId=" + client + "&limit=2&cursor=2").then().statusCode(200)
                .body("items.externalId", equalTo(List.of("s-1")));
        as(tenant).get("/api/v1/signals?clientId=" + client + "&type=SURVEY_RESPONSE&from=2026-11-05T00:00:00Z")
                .then().statusCode(200).body("items.externalId", equalTo(List.of("s-2")));
        as(tenant).get("/api/v1/signals?clientId=" + client + "&to=2026-11-05T10:00:00Z")
                .then().statusCode(200).body("items.externalId", equalTo(List.of("s-1")));
        as(tenant, "VIEWER").get("/api/v1/signals?clientId=" + client).then().statusCode(200)
                .body("items[0].values.score", equalTo(4));

        as(tenant).get("/api/v1/signals").then().statusCode(400).body("errors[0].field", equalTo("clientId"))
                .body("errors[0].code", equalTo("required"));
        as(tenant).get("/api/v1/signals?clientId=" + client + "&from=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(tenant).get("/api/v1/signals?clientId=" + client + "&type=PRINTER_TONER").then().statusCode(400);
        as(UUID.randomUUID()).get("/api/v1/signals?clientId=" + client).then().statusCode(404);
    }
}
