package io.mspcs.roadmap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** roadmap.md §11 E2 (budget), E3 (aging) and E4 (bad input): Pine Street Legal, FY end 6. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class PlanningComponentTest {

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
    void exampleE4BadInputAnswersProblemsAndWritesNothing() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register(client, 6);

        assertProblem(create(body("2026-Q4", "10.00", "USD")), 400, "validation-failed", "quarter-out-of-range")
                .body("allowedFrom", equalTo("2027-Q1")).body("allowedTo", equalTo("2031-Q4"));
        assertProblem(create(body("2032-Q1", "10.00", "USD")), 400, "validation-failed", "quarter-out-of-range");
        assertProblem(create(body("2027-Q5", "10.00", "USD")), 400, "validation-failed", "format");
        assertProblem(create(body("2027-Q1", "-5.00", "USD")), 400, "validation-failed", "negative");
        assertProblem(create(body("2027-Q1", "10.005", "USD")), 400, "validation-failed", "scale");
        assertProblem(create(body("2027-Q1", "10.00", "EUR")), 400, "validation-failed", "currency-mismatch");
        as(tenant).body(Map.of("title", "x", "origin", "MANUAL", "lane", "NOPE"))
                .post("/api/v1/clients/" + client + "/initiatives").then().statusCode(400)
                .body("errors[0].code", equalTo("enum"));

        assertThat(OutboxRows.of("roadmap", tenant)).isEmpty();
        as(tenant).get("/api/v1/clients/" + client + "/initiatives").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void forbiddenTransitionsAnswerTheAllowedNextStates() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register(client, 6);
        String draft = createdId(Map.of("title", "Teams Phone migration", "lane", "EFFICIENCY", "origin", "MANUAL",
                "quarter", "2027-Q1"));
        int rowsBefore = OutboxRows.of("roadmap", tenant).size();

        as(tenant).body(Map.of("to", "APPROVED")).post("/api/v1/initiatives/" + draft + "/transitions").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-transition"))
                .body("from", equalTo("DRAFT")).body("to", equalTo("APPROVED"))
                .body("allowedNextStates", contains("INTERNAL_REVIEW", "CLOSED"));
        as(tenant).body(Map.of("to", "DRAFT")).post("/api/v1/initiatives/" + draft + "/transitions").then()
                .statusCode(409).body("type", equalTo("/problems/invalid-transition"));
        as(tenant, "CSM").body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + draft + "/transitions")
                .then().statusCode(422).body("type", equalTo("/problems/transition-guard-failed"))
                .body("missing", contains("summary"));
        as(tenant, "AM").body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + draft + "/transitions")
                .then().statusCode(403);

        assertThat(OutboxRows.of("roadmap", tenant)).hasSize(rowsBefore);
        as(tenant).get("/api/v1/initiatives/" + draft).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void aViewerMayReadButNotWrite() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register(client, 6);

        as(tenant, "VIEWER").body(body("2027-Q1", "10.00", "USD")).post("/api/v1/clients/" + client + "/initiatives")
                .then().statusCode(403).contentType("application/problem+json");
        as(tenant, "VIEWER").get("/api/v1/clients/" + client + "/roadmap").then().statusCode(200);
        as(tenant, "VIEWER").post("/api/v1/proposals/aging-sweep").then().statusCode(403);
        assertThat(OutboxRows.of("roadmap", tenant)).isEmpty();
    }

    @Test
    void exampleE2BudgetAndE3AgingWithAutoClose() {
        clock.set(Instant.parse("2026-08-20T10:00:00Z"));
        register(client, 6);
        as(tenant).body(Map.of("quarters", List.of(Map.of("quarter", "2027-Q2",
                        "capex", usd("25000.00"), "opex", usd("2000.00"))),
                "clientOwner", "Managing partner", "approvedOn", "2026-08-01", "evidenceRef", "budget-letter"))
                .put("/api/v1/clients/" + client + "/budgets/2027/envelope").then().statusCode(200);

        String i1 = createdId(Map.of("title", "MFA rollout phase 2", "summary", "Phase 2 of MFA", "lane", "EFFICIENCY",
                "origin", "MANUAL", "quarter", "2027-Q1", "estimate", Map.of("oneTime", usd("4500.00"),
                        "spendType", "OPEX", "recurringMonthly", usd("300.00"), "recurringStartMonth", "2026-07")));
        String i2 = createdId(Map.of("title", "Endpoint refresh, 24 devices", "summary", "Replace aging laptops",
                "lane", "EFFICIENCY", "origin", "MANUAL", "quarter", "2027-Q2",
                "estimate", Map.of("oneTime", usd("28800.00"), "spendType", "CAPEX")));
        String i3 = createdId(Map.of("title", "Cloud backup (BCDR)", "summary", "Backup and recovery", "lane",
                "STABILITY", "origin", "MANUAL", "quarter", "2027-Q3", "estimate", Map.of("oneTime", usd("6000.00"),
                        "spendType", "CAPEX", "recurringMonthly", usd("450.00"), "recurringStartMonth", "2027-02",
                        "recurringTermMonths", 24)));
        for (String id : List.of(i1, i2, i3)) {
            move(id, Map.of("to", "INTERNAL_REVIEW")).statusCode(200);
        }
        move(i1, Map.of("to", "PROPOSED")).statusCode(200);
        move(i1, approval("4500.00")).statusCode(200).body("credit.eligible", equalTo(true));
        move(i2, Map.of("to", "PROPOSED")).statusCode(200);
        move(i2, approval("28800.00")).statusCode(200)
                .body("warnings", hasSize(1))
                .body("warnings[0].code", equalTo("BUDGET_ENVELOPE_EXCEEDED"))
                .body("warnings[0].quarter", equalTo("2027-Q2"))
                .body("warnings[0].category", equalTo("CAPEX"))
                .body("warnings[0].envelope.amount", equalTo("25000.00"))
                .body("warnings[0].committedAfter.amount", equalTo("28800.00"))
                .body("warnings[0].overBy.amount", equalTo("3800.00"));
        move(i2, Map.of("to", "IN_PROGRESS", "deliveryOwnerMemberId", "tech-lead")).statusCode(200);

        as(tenant).body(Map.of("clientOwner", "Managing partner", "targetQuarter", "2027-Q3",
                        "budgetBand", Map.of("low", usd("5000.00"), "high", usd("12000.00"))))
                .put("/api/v1/initiatives/" + i3 + "/pre-approval").then().statusCode(200)
                .body("preApproval.status", equalTo("COUNTED"));
        clock.set(Instant.parse("2026-09-01T14:00:00Z"));
        String p3 = as(tenant, "AM").body(Map.of("title", "Cloud backup (BCDR)", "initiativeIds", List.of(i3)))
                .post("/api/v1/clients/" + client + "/proposals").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("version", equalTo(1)).body("deliveryMode", equalTo("PROJECT"))
                .body("oneTime.amount", equalTo("6000.00")).body("recurringMonthly.amount", equalTo("450.00"))
                .body("firstYearValue.amount", equalTo("11400.00"))
                .extract().path("id");
        as(tenant, "AM").body(Map.of("channel", "PORTAL")).post("/api/v1/proposals/" + p3 + "/send").then()
                .statusCode(200).body("status", equalTo("SENT"));
        as(tenant).get("/api/v1/initiatives/" + i3).then().body("state", equalTo("PROPOSED"));

        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        JsonPath fy2027 = budget(2027);
        assertQuarter(fy2027, 0, "0.00", "5400.00", "0.00", "0.00", "5400.00");
        assertQuarter(fy2027, 1, "28800.00", "900.00", "0.00", "0.00", "29700.00");
        assertQuarter(fy2027, 2, "0.00", "900.00", "6000.00", "900.00", "7800.00");
        assertQuarter(fy2027, 3, "0.00", "900.00", "0.00", "1350.00", "2250.00");
        assertThat(fy2027.getString("totals.forecast.amount")).isEqualTo("45150.00");
        assertThat(fy2027.getString("totals.oneTime.amount")).isEqualTo("39300.00");
        assertThat(fy2027.getString("totals.recurring.amount")).isEqualTo("5850.00");
        assertThat(fy2027.getString("totals.capex.amount")).isEqualTo("34800.00");
        assertThat(fy2027.getString("totals.opex.amount")).isEqualTo("10350.00");
        assertThat(fy2027.getString("totals.committed.amount")).isEqualTo("36900.00");
        assertThat(fy2027.getList("quarters[1].overEnvelope")).containsExactly("CAPEX");
        assertThat(budget(2028).getString("totals.forecast.amount")).isEqualTo("9000.00");

        // E4: I3 → IN_PROGRESS is not an edge; accepting P3 without a budget lacks evidence.
        as(tenant).body(Map.of("to", "IN_PROGRESS")).post("/api/v1/initiatives/" + i3 + "/transitions").then()
                .statusCode(409).body("allowedNextStates", contains("APPROVED", "DEFERRED", "REJECTED",
                        "INTERNAL_REVIEW"));
        as(tenant, "AM").body(Map.of("evidence", "ESIGN", "evidenceRef", "esign-88412", "clientOwner", "Ops Director",
                        "acceptedAt", "2026-09-20T10:00:00Z"))
                .post("/api/v1/proposals/" + p3 + "/accept").then().statusCode(422)
                .body("type", equalTo("/problems/approval-evidence-incomplete")).body("missing", contains("budget"));

        // E3: the aging sweep.
        assertThat(sweepAt("2026-09-16T06:00:00Z")).isEmpty();
        assertThat(sweepAt("2026-09-17T06:00:00Z")).singleElement().satisfies(aging -> {
            assertThat(aging.get("ageDays").asInt()).isEqualTo(15);
            assertThat(aging.get("bucket").asText()).isEqualTo("DAYS_15_30");
        });
        assertThat(sweepAt("2026-09-17T06:00:00Z")).as("a rerun emits nothing").isEmpty();
        assertThat(sweepAt("2026-10-02T06:00:00Z")).isEmpty();
        assertThat(sweepAt("2026-10-03T06:00:00Z")).singleElement()
                .satisfies(aging -> assertThat(aging.get("bucket").asText()).isEqualTo("OVER_30"));
        assertThat(sweepAt("2026-11-01T06:00:00Z")).isEmpty();
        int before = OutboxRows.of("roadmap", tenant).size();
        assertThat(sweepAt("2026-11-02T06:00:00Z")).singleElement().satisfies(aging -> {
            assertThat(aging.get("ageDays").asInt()).isEqualTo(61);
            assertThat(aging.get("bucket").asText()).isEqualTo("OVER_60");
        });
        List<OutboxRows.Row> after = OutboxRows.of("roadmap", tenant);
        after.forEach(ContractAssertions::assertValid);
        List<OutboxRows.Row> closing = after.subList(before, after.size());
        assertThat(closing).extracting(OutboxRows.Row::type).startsWith(EventTypes.PROPOSAL_AGING,
                EventTypes.PROPOSAL_CLOSED, EventTypes.INITIATIVE_STATE_CHANGED, EventTypes.ROADMAP_RESEQUENCED);
        JsonNode closed = data(closing, EventTypes.PROPOSAL_CLOSED).get(0);
        assertThat(closed.get("closeReason").asText()).isEqualTo("AUTO_CLOSED");
        assertThat(closed.get("ageDays").asInt()).isEqualTo(61);
        assertThat(closed.get("resequencedInitiativeIds").get(0).asText()).isEqualTo(i3);
        assertThat(data(closing, EventTypes.INITIATIVE_STATE_CHANGED).get(0).get("to").asText()).isEqualTo("DEFERRED");
        JsonNode resequenced = data(closing, EventTypes.ROADMAP_RESEQUENCED).get(0);
        assertThat(resequenced.get("reason").asText()).isEqualTo("PROPOSAL_CLOSED");
        assertThat(resequenced.at("/moves/0/fromQuarter").asText()).isEqualTo("2027-Q3");
        assertThat(resequenced.at("/moves/0/toQuarter").asText()).isEqualTo("2027-Q4");
        assertThat(data(closing, EventTypes.BUDGET_UPDATED)).extracting(d -> d.get("fiscalYear").asInt())
                .contains(2027).doesNotContain(2028);

        as(tenant).get("/api/v1/initiatives/" + i3).then().body("state", equalTo("DEFERRED"))
                .body("quarter", equalTo("2027-Q4")).body("estimate.recurringStartMonth", equalTo("2027-05"));
        as(tenant).get("/api/v1/proposals/" + p3).then().body("status", equalTo("CLOSED"))
                .body("close.closeReason", equalTo("AUTO_CLOSED"));
        JsonPath deferred = budget(2027);
        assertThat(deferred.getString("quarters[2].forecast.capex.amount")).isEqualTo("0.00");
        assertThat(deferred.getString("totals.forecast.amount")).isEqualTo("43800.00");
        assertThat(sum(deferred, 2)).isEqualTo("900.00");
        assertThat(sum(deferred, 3)).isEqualTo("7800.00");
        assertThat(budget(2028).getString("totals.forecast.amount")).isEqualTo("9000.00");
        assertThat(sweepAt("2026-11-03T06:00:00Z")).as("closed proposals are not swept").isEmpty();

        as(tenant).get("/api/v1/proposals/pipeline").then().statusCode(200)
                .body("outcomes.autoClosed", equalTo(1)).body("outcomes.winRatePct", equalTo(0.0f))
                .body("outcomes.declineReasonCapturedPct", equalTo(0.0f));
        int beforeReason = OutboxRows.of("roadmap", tenant).size();
        as(tenant, "AM").body(Map.of("reasonCode", "BUDGET")).put("/api/v1/proposals/" + p3 + "/close-reason").then()
                .statusCode(200).body("decline.reasonCode", equalTo("BUDGET"));
        as(tenant, "AM").body(Map.of("reasonCode", "PRICE")).put("/api/v1/proposals/" + p3 + "/close-reason").then()
                .statusCode(409).body("type", equalTo("/problems/invalid-proposal-state"));
        assertThat(OutboxRows.of("roadmap", tenant)).hasSize(beforeReason);
        as(tenant).get("/api/v1/proposals/pipeline").then()
                .body("outcomes.declineReasonCapturedPct", equalTo(100.0f));
    }

    // --- helpers

    private void register(UUID clientId, int fiscalYearEndMonth) {
        publisher.publish(InboundEvents.clientRegistered(tenant, clientId, fiscalYearEndMonth,
                Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + clientId + "/roadmap").then()
                .statusCode(200));
    }

    private static Map<String, Object> body(String quarter, String amount, String currency) {
        return Map.of("title", "Teams Phone migration", "summary", "Replace the PBX", "lane", "EFFICIENCY",
                "origin", "MANUAL", "quarter", quarter, "estimate", Map.of("oneTime",
                        Map.of("amount", amount, "currency", currency), "spendType", "OPEX"));
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    private static Map<String, Object> approval(String budget) {
        return Map.of("to", "APPROVED", "decision", Map.of("evidence", "WRITTEN_CONFIRMATION",
                "evidenceRef", "email 2026-08-20", "clientOwner", "Managing partner", "decidedOn", "2026-08-20",
                "budget", usd(budget)));
    }

    private io.restassured.response.Response create(Map<String, ?> body) {
        return as(tenant).body(body).post("/api/v1/clients/" + client + "/initiatives");
    }

    private String createdId(Map<String, ?> body) {
        return create(body).then().statusCode(201).body("state", equalTo("DRAFT")).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse move(String initiativeId, Map<String, ?> body) {
        return as(tenant).body(body).post("/api/v1/initiatives/" + initiativeId + "/transitions").then();
    }

    private static io.restassured.response.ValidatableResponse assertProblem(io.restassured.response.Response response,
                                                                             int status, String slug, String code) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("/problems/" + slug)).body("errors[0].code", equalTo(code));
    }

    private JsonPath budget(int fiscalYear) {
        return as(tenant).get("/api/v1/clients/" + client + "/budgets/" + fiscalYear).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void assertQuarter(JsonPath fy, int index, String committedCapex, String committedOpex,
                                      String plannedCapex, String plannedOpex, String forecast) {
        String q = "quarters[" + index + "].";
        assertThat(fy.getString(q + "committed.capex.amount")).isEqualTo(committedCapex);
        assertThat(fy.getString(q + "committed.opex.amount")).isEqualTo(committedOpex);
        assertThat(fy.getString(q + "planned.capex.amount")).isEqualTo(plannedCapex);
        assertThat(fy.getString(q + "planned.opex.amount")).isEqualTo(plannedOpex);
        assertThat(sum(fy, index)).isEqualTo(forecast);
    }

    private static String sum(JsonPath fy, int index) {
        String q = "quarters[" + index + "].forecast.";
        return new java.math.BigDecimal(fy.getString(q + "capex.amount"))
                .add(new java.math.BigDecimal(fy.getString(q + "opex.amount"))).toPlainString();
    }

    /** Runs the sweep at that time and answers the ProposalAging data it emitted. */
    private List<JsonNode> sweepAt(String time) {
        clock.set(Instant.parse(time));
        int before = OutboxRows.of("roadmap", tenant, EventTypes.PROPOSAL_AGING).size();
        as(tenant).post("/api/v1/proposals/aging-sweep").then().statusCode(200);
        List<OutboxRows.Row> rows = OutboxRows.of("roadmap", tenant, EventTypes.PROPOSAL_AGING);
        return rows.subList(before, rows.size()).stream().map(row -> row.envelope().get("data")).toList();
    }

    private static List<JsonNode> data(List<OutboxRows.Row> rows, String type) {
        return rows.stream().filter(row -> row.type().equals(type)).map(row -> row.envelope().get("data")).toList();
    }
}
