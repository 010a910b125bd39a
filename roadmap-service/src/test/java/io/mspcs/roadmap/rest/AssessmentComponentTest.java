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
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 12, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant)
                .get("/api/v1/clients/" + client + "/roadmap").then().statusCode(200));

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
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 12, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant)
                .get("/api/v1/clients/" + client + "/roadmap").then().statusCode(200));
        String template = as(tenant).body(Map.of("name", "Portfolio scoping", "type", "PORTFOLIO_SCOPING",
                        "categories", List.of(Map.of("code", "OPS", "name", "Operations",
                                "items", List.of(item("M1", "MEDIUM", null))))))
                .post("/api/v1/assessments/templates").then().statusCode(201).extract().path("id");
        String assessment = as(tenant, "TAM").body(Map.of("templateId", template, "conductedOn", "2026-10-08"))
                .post("/api/v1/clients/" + client + "/assessments").then().statusCode(201).extract().path("id");
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

    private static Map<String, Object> item(String code, String priority, String insight) {
        return insight == null ? Map.of("code", code, "text", "Item " + code, "priority", priority)
                : Map.of("code", code, "text", "EDR missing on front-desk workstations", "priority", priority,
                "dimension", "ADOPTION", "insightCode", insight);
    }

    private static Map<String, String> answer(String itemCode, String answer) {
        return Map.of("itemCode", itemCode, "answer", answer);
    }
}
