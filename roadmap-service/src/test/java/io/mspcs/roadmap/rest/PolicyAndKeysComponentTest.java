package io.mspcs.roadmap.rest;

import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The tenant roadmap policy (roadmap.md §2), the budget gate in mode BLOCK (§5.6) and integration keys (§4). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class PolicyAndKeysComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

    private final UUID tenant = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();

    @BeforeAll
    static void openPublisher() {
        publisher = EventPublisher.forSharedInfra();
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Test
    void aCsLeaderReplacesThePolicyWithVersionPlusOneAndBadPoliciesAreRefused() {
        Map<String, Object> policy = as(tenant).get("/api/v1/roadmap-policy").then().statusCode(200)
                .body("version", equalTo(1)).body("budgetGateMode", equalTo("WARN"))
                .body("lanes", contains("STABILITY", "EFFICIENCY", "GROWTH"))
                .body("calibration.C.horizonQuarters", equalTo(2))
                .extract().jsonPath().getMap("$");

        Map<String, Object> blocking = new HashMap<>(policy);
        blocking.put("budgetGateMode", "BLOCK");
        blocking.put("lanes", List.of("STABILITY", "EFFICIENCY", "GROWTH", "COMPLIANCE"));
        as(tenant, "CSM").body(blocking).put("/api/v1/roadmap-policy").then().statusCode(403);
        as(tenant, "CS_LEADER").header("If-Match", "\"1\"").body(blocking).put("/api/v1/roadmap-policy").then()
                .statusCode(200).body("version", equalTo(2)).body("budgetGateMode", equalTo("BLOCK"))
                .body("lanes", contains("STABILITY", "EFFICIENCY", "GROWTH", "COMPLIANCE"));
        as(tenant, "CS_LEADER").body(blocking).put("/api/v1/roadmap-policy").then().statusCode(200)
                .body("version", equalTo(2));
        as(tenant, "CS_LEADER").header("If-Match", "\"1\"").body(blocking).put("/api/v1/roadmap-policy").then()
                .statusCode(412).body("type", equalTo("/problems/version-mismatch"));

        Map<String, Object> laneRemoved = new HashMap<>(blocking);
        laneRemoved.put("lanes", List.of("STABILITY", "EFFICIENCY"));
        as(tenant, "CS_LEADER").body(laneRemoved).put("/api/v1/roadmap-policy").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("lanes")).body("errors[0].code", equalTo("lane-removed"));
        Map<String, Object> unknownMode = new HashMap<>(blocking);
        unknownMode.put("budgetGateMode", "SOMETIMES");
        unknownMode.put("preApprovalLapsedDays", 20);
        as(tenant, "CS_LEADER").body(unknownMode).put("/api/v1/roadmap-policy").then().statusCode(400)
                .body("errors.code", contains("order", "enum"));

        as(tenant, "VIEWER").get("/api/v1/roadmap-policy").then().statusCode(200)
                .body("version", equalTo(2)).body("budgetGateMode", equalTo("BLOCK"));
        assertThat(as(UUID.randomUUID()).get("/api/v1/roadmap-policy").then().extract().<Integer>path("version"))
                .as("another tenant keeps the default").isEqualTo(1);
    }

    @Test
    void exampleE2InModeBlockRefusesTheApprovalOverTheEnvelopeUnlessTheCsLeaderOverrides() {
        clock.set(Instant.parse("2026-08-20T10:00:00Z"));
        register();
        Map<String, Object> policy = new HashMap<>(as(tenant).get("/api/v1/roadmap-policy").then().extract()
                .jsonPath().getMap("$"));
        policy.put("budgetGateMode", "BLOCK");
        as(tenant, "CS_LEADER").body(policy).put("/api/v1/roadmap-policy").then().statusCode(200);
        as(tenant).body(Map.of("quarters", List.of(Map.of("quarter", "2027-Q2",
                        "capex", usd("25000.00"), "opex", usd("2000.00"))),
                "clientOwner", "Managing partner", "approvedOn", "2026-08-01", "evidenceRef", "budget-letter"))
                .put("/api/v1/clients/" + client + "/budgets/2027/envelope").then().statusCode(200);
        String i2 = as(tenant).body(Map.of("title", "Endpoint refresh, 24 devices", "summary", "Replace laptops",
                        "lane", "EFFICIENCY", "origin", "MANUAL", "quarter", "2027-Q2",
                        "estimate", Map.of("oneTime", usd("28800.00"), "spendType", "CAPEX")))
                .post("/api/v1/clients/" + client + "/initiatives").then().statusCode(201).extract().path("id");
        move(i2, Map.of("to", "INTERNAL_REVIEW")).statusCode(200);
        move(i2, Map.of("to", "PROPOSED")).statusCode(200);
        int rowsBefore = OutboxRows.of("roadmap", tenant).size();

        move(i2, approval(null)).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/budget-envelope-exceeded"))
                .body("exceeded[0].quarter", equalTo("2027-Q2")).body("exceeded[0].category", equalTo("CAPEX"))
                .body("exceeded[0].envelope.amount", equalTo("25000.00"))
                .body("exceeded[0].committedAfter.amount", equalTo("28800.00"))
                .body("exceeded[0].overBy.amount", equalTo("3800.00"));
        assertThat(OutboxRows.of("roadmap", tenant)).as("nothing written").hasSize(rowsBefore);
        as(tenant).get("/api/v1/initiatives/" + i2).then().body("state", equalTo("PROPOSED"));

        List<Map<String, String>> override = List.of(Map.of("gate", "BUDGET",
                "reason", "Client CFO confirmed the extra spend"));
        as(tenant, "VCIO").body(approval(override)).post("/api/v1/initiatives/" + i2 + "/transitions").then()
                .statusCode(403).body("type", equalTo("/problems/override-not-permitted"));
        as(tenant, "CS_LEADER").body(approval(override)).post("/api/v1/initiatives/" + i2 + "/transitions").then()
                .statusCode(200).body("state", equalTo("APPROVED"))
                .body("warnings[0].code", equalTo("BUDGET_ENVELOPE_EXCEEDED"))
                .body("credit.eligible", equalTo(false));
    }

    @Test
    void anIntegrationKeyWithRoadmapWriteTakesWriterEdgesButNotTheLeadsEdges() {
        clock.set(Instant.parse("2026-08-20T10:00:00Z"));
        register();
        assertThat(OutboxRows.of("roadmap", tenant)).as("registration shells emit nothing").isEmpty();
        as(tenant).get("/api/v1/clients/" + client + "/budgets/2027").then().statusCode(200)
                .body("version", equalTo(0));
        String id = as(tenant).body(Map.of("title", "Teams Phone migration", "summary", "Replace the PBX",
                        "lane", "EFFICIENCY", "origin", "MANUAL", "quarter", "2027-Q1",
                        "estimate", Map.of("oneTime", usd("9600.00"), "spendType", "OPEX")))
                .post("/api/v1/clients/" + client + "/initiatives").then().statusCode(201).extract().path("id");

        key("roadmap:write").body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + id + "/transitions")
                .then().statusCode(200).body("state", equalTo("INTERNAL_REVIEW"));
        key("roadmap:write").body(Map.of("to", "PROPOSED")).post("/api/v1/initiatives/" + id + "/transitions")
                .then().statusCode(403).body("type", equalTo("/problems/transition-not-permitted"));
        key("clients:write").body(Map.of("to", "CLOSED", "closeReason", "OBSOLETE", "closeNote", "not needed"))
                .post("/api/v1/initiatives/" + id + "/transitions").then().statusCode(403);
        as(tenant).get("/api/v1/initiatives/" + id).then().body("state", equalTo("INTERNAL_REVIEW"));
    }

    // --- helpers

    /** A request as the gateway forwards it for an integration key: scopes, no user roles. */
    private RequestSpecification key(String... scopes) {
        return RestAssured.given()
                .header("X-Tenant-Id", tenant.toString())
                .header("X-Gateway-Token", PlatformTestResource.GATEWAY_TOKEN)
                .header("X-Principal-Id", "key-psa-sync")
                .header("X-Scopes", String.join(",", scopes))
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private void register() {
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 6, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/roadmap").then()
                .statusCode(200));
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    private static Map<String, Object> approval(List<Map<String, String>> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("to", "APPROVED", "decision", Map.of("evidence",
                "WRITTEN_CONFIRMATION", "evidenceRef", "email 2026-08-20", "clientOwner", "Managing partner",
                "decidedOn", "2026-08-20", "budget", usd("28800.00"))));
        if (overrides != null) {
            body.put("overrides", new ArrayList<>(overrides));
        }
        return body;
    }

    private io.restassured.response.ValidatableResponse move(String initiativeId, Map<String, ?> body) {
        return as(tenant).body(body).post("/api/v1/initiatives/" + initiativeId + "/transitions").then();
    }
}
