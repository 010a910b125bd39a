package io.mspcs.roadmap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.mspcs.platformtest.RowLevelSecurity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** roadmap.md §11 E5: an assessment scored 53.6 whose VULNERABLE EDR answer becomes a finding and a DRAFT. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class AssessmentComponentTest {

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
    void exampleE5CompletionScoresAddsTheFindingAndADraftInitiative() {
        clock.set(Instant.parse("2026-10-08T15:40:12Z"));
        register(tenant, client);

        String template = as(tenant).body(Map.of("name", "Security risk review", "type", "RISK_TARGETED",
                "categories", List.of(Map.of("code", "SEC", "name", "Security", "items", List.of(
                        item("H1", "HIGH", null), item("H2", "HIGH", "EDR"), item("M1", "MEDIUM", null),
                        item("L1", "LOW", null), item("L2", "LOW", null))))))
                .post("/api/v1/assessments/templates").then().statusCode(201).body("templateVersion", equalTo(1))
                .extract().path("id");
        as(tenant, "VIEWER").body(Map.of("name", "x", "type", "RISK_TARGETED", "categories", List.of()))
                .post("/api/v1/assessments/templates").then().statusCode(403);
        String assessment = as(tenant, "TAM").body(Map.of("templateId", template, "conductedOn", "2026-10-08"))
                .post("/api/v1/clients/" + client + "/assessments").then().statusCode(201)
                .body("status", equalTo("IN_PROGRESS")).extract().path("id");
        as(tenant, "TAM").body(Map.of("responses", List.of(answer("H1", "ALIGNED"), answer("H2", "VULNERABLE"),
                        answer("M1", "MARGINAL"), answer("L1", "ALIGNED"), answer("L2", "NOT_APPLICABLE"))))
                .patch("/api/v1/assessments/" + assessment).then().statusCode(200);

        as(tenant, "TAM").body(Map.of()).post("/api/v1/assessments/" + assessment + "/complete").then()
                .statusCode(200).body("status", equalTo("COMPLETED")).body("score", equalTo(53.6f))
                .body("findings", hasSize(1)).body("findings[0].itemCode", equalTo("H2"))
                .body("findings[0].autoCreated", equalTo(true)).body("findings[0].severity", equalTo("HIGH"));

        List<OutboxRows.Row> rows = OutboxRows.of("roadmap", tenant);
        rows.forEach(ContractAssertions::assertValid);
        assertThat(rows).extracting(OutboxRows.Row::type)
                .containsExactly(EventTypes.ASSESSMENT_COMPLETED, EventTypes.INITIATIVE_CREATED);
        JsonNode completed = rows.get(0).envelope().get("data");
        assertThat(completed.get("score").decimalValue()).isEqualByComparingTo("53.6");
        assertThat(completed.get("findingsCount").asInt()).isEqualTo(1);
        assertThat(completed.get("highRiskCount").asInt()).isEqualTo(1);
        assertThat(completed.at("/findings/0/insightCode").asText()).isEqualTo("EDR");
        JsonNode draft = rows.get(1).envelope().get("data");
        assertThat(draft.get("origin").asText()).isEqualTo("ASSESSMENT_FINDING");
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("lane").asText()).isEqualTo("STABILITY");
        assertThat(draft.get("findingIds")).hasSize(1);

        as(tenant).body(Map.of()).post("/api/v1/assessments/" + assessment + "/complete").then().statusCode(409)
                .body("type", equalTo("/problems/assessment-not-in-progress"));
        assertThat(OutboxRows.of("roadmap", tenant)).hasSize(2);
    }

    @Test
    void aFindingIsEditedWhileInProgressAndYieldsOneDraftInitiativeOnRequest() {
        clock.set(Instant.parse("2026-10-08T15:40:12Z"));
        register(tenant, client);
        String assessment = started(Map.of("name", "Portfolio scoping", "type", "PORTFOLIO_SCOPING",
                "categories", List.of(Map.of("code", "OPS", "name", "Operations",
                        "items", List.of(item("M1", "MEDIUM", null))))), "2026-10-08");
        String findings = "/api/v1/assessments/" + assessment + "/findings";
        String finding = as(tenant, "TAM").body(Map.of("title", "File shares on an ageing NAS", "kind", "OPPORTUNITY",
                        "severity", "MEDIUM")).post(findings).then().statusCode(201).extract().path("id");

        as(tenant, "TAM").body(Map.of("severity", "HIGH", "recommendation", "Move the shares to SharePoint"))
                .patch(findings + "/" + finding).then().statusCode(200).body("severity", equalTo("HIGH"))
                .body("title", equalTo("File shares on an ageing NAS"));
        as(tenant, "TAM").body(Map.of("kind", "NOPE")).patch(findings + "/" + finding).then().statusCode(400)
                .body("errors[0].code", equalTo("enum"));
        as(tenant, "VIEWER").post(findings + "/" + finding + "/initiative").then().statusCode(403);
        assertThat(OutboxRows.of("roadmap", tenant)).isEmpty();

        as(tenant, "TAM").post(findings + "/" + finding + "/initiative").then().statusCode(201)
                .body("state", equalTo("DRAFT")).body("origin", equalTo("ASSESSMENT_FINDING"))
                .body("lane", equalTo("EFFICIENCY")).body("priority", equalTo("HIGH"))
                .body("summary", equalTo("Move the shares to SharePoint"));
        as(tenant, "TAM").post(findings + "/" + finding + "/initiative").then().statusCode(409)
                .body("type", equalTo("/problems/finding-has-initiative"));
        as(tenant, "TAM").body(Map.of()).post("/api/v1/assessments/" + assessment + "/complete").then()
                .statusCode(200);
        as(tenant, "TAM").body(Map.of("severity", "LOW")).patch(findings + "/" + finding).then().statusCode(409)
                .body("type", equalTo("/problems/assessment-not-in-progress"));

        List<OutboxRows.Row> rows = OutboxRows.of("roadmap", tenant);
        rows.forEach(ContractAssertions::assertValid);
        assertThat(rows).extracting(OutboxRows.Row::type).as("completion makes no second draft")
                .containsExactly(EventTypes.INITIATIVE_CREATED, EventTypes.ASSESSMENT_COMPLETED);
    }

    /** Security case #13 (gateway.md §2.2 #4): the database confines every transaction to the tenant it names. */
    @Test
    void rowLevelSecurityHidesEveryTenantRowFromAQueryThatNamesNoTenant() {
        clock.set(Instant.parse("2026-09-01T14:00:00Z"));
        register(tenant, client);
        UUID other = UUID.randomUUID();
        UUID otherClient = UUID.randomUUID();
        register(other, otherClient);
        as(other).body(initiative("Other tenant's firewall")).post("/api/v1/clients/" + otherClient + "/initiatives")
                .then().statusCode(201);

        // client_view, roadmap (registration); assessment_template, assessment, finding
        String assessment = started(Map.of("name", "Security risk review", "type", "RISK_TARGETED",
                "categories", List.of(Map.of("code", "SEC", "name", "Security",
                        "items", List.of(item("H1", "HIGH", null))))), "2026-09-01");
        String findings = "/api/v1/assessments/" + assessment + "/findings";
        String finding = as(tenant, "TAM").body(Map.of("title", "Backups untested", "kind", "RISK",
                "severity", "HIGH")).post(findings).then().statusCode(201).extract().path("id");
        as(tenant, "TAM").post(findings + "/" + finding + "/initiative").then().statusCode(201);
        // initiative, initiative_history, budget, budget_line, proposal, roadmap_policy
        String audit = as(tenant).body(initiative("HIPAA audit")).post("/api/v1/clients/" + client + "/initiatives")
                .then().statusCode(201).extract().path("id");
        as(tenant).body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + audit + "/transitions")
                .then().statusCode(200);
        as(tenant).body(Map.of("clientOwner", "Maya Chen (CFO)", "targetQuarter", "2027-Q1",
                        "budgetBand", Map.of("low", usd("4000.00"), "high", usd("6000.00"))))
                .put("/api/v1/initiatives/" + audit + "/pre-approval").then().statusCode(200);
        as(tenant).body(Map.of("quarters", List.of(Map.of("quarter", "2027-Q1", "capex", usd("9000.00"),
                        "opex", usd("6000.00"))))).put("/api/v1/clients/" + client + "/budgets/2027/envelope")
                .then().statusCode(200);
        as(tenant, "VCIO").body(Map.of("quarter", "2027-Q1", "source", "SUBSCRIPTION", "sourceRef", "MS-EA-13",
                        "category", "OPEX", "recurrence", "RECURRING", "amount", usd("1200.00"),
                        "status", "COMMITTED", "description", "Microsoft 365 renewal"))
                .post("/api/v1/clients/" + client + "/budgets/2027/lines").then().statusCode(201);
        as(tenant, "AM").body(Map.of("title", "Audit", "initiativeIds", List.of(audit)))
                .post("/api/v1/clients/" + client + "/proposals").then().statusCode(201);
        Map<String, Object> policy = new HashMap<>(as(tenant).get("/api/v1/roadmap-policy").then()
                .extract().jsonPath().getMap("$"));
        policy.put("autoClose", false);
        as(tenant, "CS_LEADER").body(policy).put("/api/v1/roadmap-policy").then().statusCode(200);

        RowLevelSecurity.assertTenantTablesIsolated("roadmap", tenant, 11);
    }

    /** A template as given, then an IN_PROGRESS assessment of it for the client. */
    private String started(Map<String, Object> template, String conductedOn) {
        String templateId = as(tenant).body(template).post("/api/v1/assessments/templates").then().statusCode(201)
                .extract().path("id");
        return as(tenant, "TAM").body(Map.of("templateId", templateId, "conductedOn", conductedOn))
                .post("/api/v1/clients/" + client + "/assessments").then().statusCode(201).extract().path("id");
    }

    private static void register(UUID tenant, UUID client) {
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 12, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant)
                .get("/api/v1/clients/" + client + "/roadmap").then().statusCode(200));
    }

    private static Map<String, Object> initiative(String title) {
        return Map.of("title", title, "summary", "Why now", "lane", "STABILITY", "origin", "MANUAL",
                "quarter", "2027-Q1", "estimate", Map.of("oneTime", usd("5000.00"), "spendType", "OPEX"));
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    private static Map<String, Object> item(String code, String priority, String insight) {
        return insight == null ? Map.of("code", code, "text", "Item " + code, "priority", priority)
                : Map.of("code", code, "text", "EDR missing on front-desk workstations", "priority", priority,
                "dimension", "ADOPTION", "insightCode", insight);
    }

    private static Map<String, String> answer(String itemCode, String answer) {
        return Map.of("itemCode", itemCode, "answer", answer);
    }
}
