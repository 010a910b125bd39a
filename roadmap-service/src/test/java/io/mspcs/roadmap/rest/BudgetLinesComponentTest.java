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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Manual budget lines (roadmap.md §3.4, §7, §9) next to the E2 endpoint refresh, Pine Street Legal (FY end 6). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class BudgetLinesComponentTest {

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
    void manualLinesFeedTheFiscalYearWithAVersionAndBudgetUpdatedEach() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register();
        as(tenant).body(Map.of("quarters", List.of(Map.of("quarter", "2027-Q2", "capex", usd("25000.00"),
                        "opex", usd("2000.00"))), "clientOwner", "Managing partner", "approvedOn", "2026-08-01",
                "evidenceRef", "budget-letter")).put(lines().replace("/lines", "/envelope")).then().statusCode(200);
        String refresh = as(tenant).body(Map.of("title", "Endpoint refresh, 24 devices", "summary", "Replace laptops",
                        "lane", "EFFICIENCY", "origin", "MANUAL", "quarter", "2027-Q2",
                        "estimate", Map.of("oneTime", usd("28800.00"), "spendType", "CAPEX")))
                .post("/api/v1/clients/" + client + "/initiatives").then().statusCode(201).extract().path("id");
        as(tenant).body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + refresh + "/transitions").then()
                .statusCode(200);
        int versionBefore = budget().getInt("version");
        int rowsBefore = rows().size();

        JsonPath added = as(tenant, "VCIO").body(subscription("2400.00")).post(lines()).then().statusCode(201)
                .extract().jsonPath();
        String lineId = added.getString("lines.find { it.source == 'SUBSCRIPTION' }.id");
        assertThat(added.getString("quarters[1].committed.opex.amount")).isEqualTo("2400.00");
        assertThat(added.getString("quarters[1].planned.capex.amount")).isEqualTo("28800.00");
        assertThat(added.getList("quarters[1].overEnvelope")).containsExactly("OPEX");
        assertThat(added.getString("totals.forecast.amount")).isEqualTo("31200.00");
        assertThat(added.getString("totals.recurring.amount")).isEqualTo("2400.00");
        assertThat(added.getInt("version")).isEqualTo(versionBefore + 1);
        assertThat(added.getList("lines.source")).containsExactlyInAnyOrder("INITIATIVE", "SUBSCRIPTION");
        assertThat(added.getString("lines.find { it.source == 'SUBSCRIPTION' }.sourceRef")).isEqualTo("MS-EA-2291");
        assertThat(added.getInt("lines.find { it.source == 'SUBSCRIPTION' }.months")).isEqualTo(3);
        JsonNode updated = lastBudgetUpdated(rowsBefore);
        assertThat(updated.get("changedLineIds").get(0).asText()).isEqualTo(lineId);
        assertThat(updated.get("overEnvelopeQuarters").get(0).asText()).isEqualTo("2027-Q2");

        int rowsBeforePatch = rows().size();
        JsonPath patched = as(tenant).body(Map.of("amount", usd("1500.00"))).patch(lines() + "/" + lineId).then()
                .statusCode(200).extract().jsonPath();
        assertThat(patched.getString("quarters[1].committed.opex.amount")).isEqualTo("1500.00");
        assertThat(patched.getList("quarters[1].overEnvelope")).isEmpty();
        assertThat(patched.getInt("version")).isEqualTo(versionBefore + 2);
        assertThat(lastBudgetUpdated(rowsBeforePatch).get("changedLineIds").get(0).asText()).isEqualTo(lineId);

        String derivedId = patched.getString("lines.find { it.source == 'INITIATIVE' }.id");
        assertThat(patched.getString("lines.find { it.source == 'INITIATIVE' }.initiativeId")).isEqualTo(refresh);
        int rowsBeforeRefused = rows().size();
        as(tenant).body(Map.of("amount", usd("1.00"))).patch(lines() + "/" + derivedId).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/derived-line-read-only"));
        as(tenant).delete(lines() + "/" + derivedId).then().statusCode(409)
                .body("type", equalTo("/problems/derived-line-read-only"));
        as(tenant).delete(lines() + "/" + UUID.randomUUID()).then().statusCode(404);
        as(tenant).body(Map.of("amount", usd("1.00"))).header("If-Match", "\"99\"").patch(lines() + "/" + lineId)
                .then().statusCode(412).body("type", equalTo("/problems/version-mismatch"));
        as(tenant, "VIEWER").delete(lines() + "/" + lineId).then().statusCode(403);
        assertThat(rows()).hasSize(rowsBeforeRefused);

        as(tenant).delete(lines() + "/" + lineId).then().statusCode(204);
        assertThat(lastBudgetUpdated(rowsBeforeRefused).get("changedLineIds").get(0).asText()).isEqualTo(lineId);
        JsonPath after = budget();
        assertThat(after.getString("quarters[1].committed.opex.amount")).isEqualTo("0.00");
        assertThat(after.getList("lines.source")).containsExactly("INITIATIVE");
        rows().forEach(ContractAssertions::assertValid);
    }

    @Test
    void budgetUpdatedNamesTheDerivedLinesAChangeToAnInitiativeTouched() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register();
        String refresh = as(tenant).body(Map.of("title", "Endpoint refresh, 24 devices", "summary", "Replace laptops",
                        "lane", "EFFICIENCY", "origin", "MANUAL", "quarter", "2027-Q2",
                        "estimate", Map.of("oneTime", usd("28800.00"), "spendType", "CAPEX")))
                .post("/api/v1/clients/" + client + "/initiatives").then().statusCode(201).extract().path("id");
        int rowsBefore = rows().size();
        as(tenant).body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + refresh + "/transitions").then()
                .statusCode(200);
        String oneTime = budget().getString("lines.find { it.source == 'INITIATIVE' }.id");
        assertThat(lastBudgetUpdated(rowsBefore).get("changedLineIds")).extracting(JsonNode::asText)
                .containsExactly(oneTime);

        int rowsBeforeEstimate = rows().size();
        // six months of 150.00 from Oct 2026 (FY end 6): 2027-Q2 and 2027-Q3 get a recurring line each
        as(tenant).body(Map.of("estimate", Map.of("oneTime", usd("26400.00"), "spendType", "CAPEX",
                        "recurringMonthly", usd("150.00"), "recurringTermMonths", 6)))
                .patch("/api/v1/initiatives/" + refresh).then().statusCode(200);
        JsonPath changed = budget();
        List<String> recurring = changed.getList("lines.findAll { it.source == 'INITIATIVE' && "
                + "it.recurrence == 'RECURRING' }.id");
        assertThat(recurring).hasSize(2);
        assertThat(lastBudgetUpdated(rowsBeforeEstimate).get("changedLineIds")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(oneTime, recurring.get(0), recurring.get(1));

        int rowsBeforeManual = rows().size();
        String manual = as(tenant, "VCIO").body(subscription("2400.00")).post(lines()).then().statusCode(201)
                .extract().path("lines.find { it.source == 'SUBSCRIPTION' }.id");
        assertThat(lastBudgetUpdated(rowsBeforeManual).get("changedLineIds")).extracting(JsonNode::asText)
                .as("the derived lines did not change").containsExactly(manual);
        rows().forEach(ContractAssertions::assertValid);
    }

    @Test
    void badManualLinesAnswerProblemsAndWriteNothing() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register();
        int rowsBefore = rows().size();

        refused(with("quarter", "2028-Q1"), "quarter-out-of-range");
        refused(with("quarter", "2026-Q4"), "quarter-out-of-range");
        refused(with("quarter", "2027-Q5"), "format");
        refused(with("amount", usd("-5.00")), "negative");
        refused(with("amount", usd("10.005")), "scale");
        refused(with("amount", Map.of("amount", "10.00", "currency", "EUR")), "currency-mismatch");
        refused(with("source", "INITIATIVE"), "enum");
        refused(with("category", "CAPEX"), "recurring-is-opex");
        refused(with("months", 4), "range");
        refused(with("sourceRef", null), "required");

        assertThat(rows()).hasSize(rowsBefore);
        assertThat(budget().getList("lines")).isEmpty();
    }

    private void refused(Map<String, Object> body, String code) {
        as(tenant).body(body).post(lines()).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed")).body("errors[0].code", equalTo(code));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(subscription("2400.00"));
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> subscription(String amount) {
        return Map.of("quarter", "2027-Q2", "source", "SUBSCRIPTION", "sourceRef", "MS-EA-2291", "category", "OPEX",
                "recurrence", "RECURRING", "amount", usd(amount), "status", "COMMITTED",
                "description", "Microsoft 365 renewal");
    }

    private void register() {
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 6, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/roadmap").then()
                .statusCode(200));
    }

    private String lines() {
        return "/api/v1/clients/" + client + "/budgets/2027/lines";
    }

    private JsonPath budget() {
        return as(tenant).get("/api/v1/clients/" + client + "/budgets/2027").then().statusCode(200).extract()
                .jsonPath();
    }

    private JsonNode lastBudgetUpdated(int rowsBefore) {
        List<OutboxRows.Row> rows = rows();
        List<OutboxRows.Row> added = rows.subList(rowsBefore, rows.size()).stream()
                .filter(row -> row.type().equals(EventTypes.BUDGET_UPDATED)).toList();
        assertThat(added).hasSize(1);
        return added.get(0).envelope().get("data");
    }

    private List<OutboxRows.Row> rows() {
        return OutboxRows.of("roadmap", tenant);
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }
}
