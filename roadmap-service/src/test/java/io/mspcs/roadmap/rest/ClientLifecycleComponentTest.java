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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Reactions to ClientUpdated (fiscal-year change, churn) and to DmiDropped on approved work (roadmap.md §8.2). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class ClientLifecycleComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant REGISTERED = Instant.parse("2026-01-05T09:00:00Z");
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
    void aNewFiscalYearEndKeepsEachItemsFirstMonthAndReplansQuartersAndBudgets() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register();
        String phones = reviewed("Teams Phone migration", "2027-Q1", Map.of());
        int before = rows().size();

        publisher.publish(InboundEvents.clientUpdated(tenant, client, 6, "ACTIVE",
                Instant.parse("2026-09-05T10:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/initiatives/" + phones).then()
                .body("quarter", equalTo("2027-Q3")));

        List<OutboxRows.Row> replanned = rows().subList(before, rows().size());
        JsonNode resequenced = data(replanned, EventTypes.ROADMAP_RESEQUENCED);
        assertThat(resequenced.get("reason").asText()).isEqualTo("FISCAL_YEAR_CHANGED");
        assertThat(resequenced.at("/moves/0/fromQuarter").asText()).isEqualTo("2027-Q1");
        assertThat(resequenced.at("/moves/0/toQuarter").asText()).isEqualTo("2027-Q3");
        assertThat(replanned).extracting(OutboxRows.Row::type).contains(EventTypes.BUDGET_UPDATED);
        as(tenant).get("/api/v1/clients/" + client + "/budgets/2027").then().statusCode(200)
                .body("quarters[2].quarter", equalTo("2027-Q3"))
                .body("quarters[2].months[0]", equalTo("2027-01"))
                .body("quarters[2].planned.opex.amount", equalTo("5000.00"));

        // an older snapshot arriving late changes nothing
        int afterReplan = rows().size();
        publisher.publish(InboundEvents.clientUpdated(tenant, client, 12, "ACTIVE",
                Instant.parse("2026-03-01T00:00:00Z")));
        barrier();
        as(tenant).get("/api/v1/initiatives/" + phones).then().body("quarter", equalTo("2027-Q3"));
        assertThat(rows()).hasSize(afterReplan);
        rows().forEach(ContractAssertions::assertValid);
    }

    @Test
    void aNewFiscalYearEndRelabelsEnvelopeQuartersByTheirCalendarMonths() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register();
        // FY end 12: 2027-Q2 = Apr-Jun 2027, 2027-Q3 = Jul-Sep 2027
        as(tenant).body(Map.of("quarters", List.of(
                        Map.of("quarter", "2027-Q2", "capex", usd("25000.00"), "opex", usd("2000.00")),
                        Map.of("quarter", "2027-Q3", "capex", usd("1000.00"), "opex", usd("500.00"))),
                "clientOwner", "Managing partner", "approvedOn", "2026-08-01", "evidenceRef", "budget-letter"))
                .put(budget(2027) + "/envelope").then().statusCode(200);
        int version = as(tenant).get(budget(2027)).then().extract().path("version");
        int before = rows().size();

        publisher.publish(InboundEvents.clientUpdated(tenant, client, 6, "ACTIVE",
                Instant.parse("2026-09-05T10:00:00Z")));
        // FY end 6: Apr-Jun 2027 is 2027-Q4; Jul-Sep 2027 opens FY2028 as 2028-Q1
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get(budget(2027)).then()
                .body("envelope.quarters.quarter", contains("2027-Q4")));
        as(tenant).get(budget(2027)).then().body("version", equalTo(version + 1))
                .body("envelope.clientOwner", equalTo("Managing partner"))
                .body("quarters[3].quarter", equalTo("2027-Q4"))
                .body("quarters[3].envelope.capex.amount", equalTo("25000.00"))
                .body("quarters[3].envelope.opex.amount", equalTo("2000.00"))
                .body("quarters[1].envelope", nullValue());
        as(tenant).get(budget(2028)).then().statusCode(200)
                .body("envelope.quarters.quarter", contains("2028-Q1"))
                .body("envelope.evidenceRef", equalTo("budget-letter"))
                .body("quarters[0].envelope.capex.amount", equalTo("1000.00"))
                .body("quarters[0].envelope.opex.amount", equalTo("500.00"));

        List<OutboxRows.Row> updated = rows().subList(before, rows().size()).stream()
                .filter(row -> row.type().equals(EventTypes.BUDGET_UPDATED)).toList();
        assertThat(updated).extracting(row -> row.envelope().at("/data/fiscalYear").asInt()).contains(2027, 2028);
        JsonNode fy2027 = updated.stream().map(row -> row.envelope().get("data"))
                .filter(data -> data.get("fiscalYear").asInt() == 2027).reduce((first, last) -> last).orElseThrow();
        assertThat(fy2027.at("/quarters/3/envelope/capex/amount").asText()).isEqualTo("25000.00");
        assertThat(fy2027.at("/quarters/1/envelope").isMissingNode() || fy2027.at("/quarters/1/envelope").isNull())
                .isTrue();
        rows().forEach(ContractAssertions::assertValid);
    }

    @Test
    void aChurnedClientsOpenProposalsCloseWithdrawnAndNewWorkIsRefused() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register();
        String sentWork = reviewed("Cloud backup (BCDR)", "2026-Q4", Map.of());
        String draftWork = reviewed("Teams Phone migration", "2027-Q1", Map.of());
        String sent = proposal(sentWork);
        as(tenant, "AM").body(Map.of("channel", "PORTAL")).post("/api/v1/proposals/" + sent + "/send").then()
                .statusCode(200);
        String draft = proposal(draftWork);
        int before = rows().size();

        publisher.publish(InboundEvents.clientUpdated(tenant, client, 12, "CHURNED",
                Instant.parse("2026-09-05T10:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/proposals/" + sent).then()
                .body("status", equalTo("CLOSED")).body("close.closeReason", equalTo("WITHDRAWN")));
        as(tenant).get("/api/v1/proposals/" + draft).then().body("status", equalTo("CLOSED"))
                .body("close.closeReason", equalTo("WITHDRAWN"));
        as(tenant).get("/api/v1/initiatives/" + sentWork).then().body("state", equalTo("INTERNAL_REVIEW"));
        List<OutboxRows.Row> churned = rows().subList(before, rows().size());
        assertThat(churned).filteredOn(row -> row.type().equals(EventTypes.PROPOSAL_CLOSED)).singleElement()
                .satisfies(row -> assertThat(row.envelope().at("/data/closeReason").asText()).isEqualTo("WITHDRAWN"));

        int afterChurn = rows().size();
        as(tenant).body(Map.of("title", "New work", "lane", "GROWTH", "origin", "MANUAL"))
                .post("/api/v1/clients/" + client + "/initiatives").then().statusCode(409)
                .body("type", equalTo("/problems/client-churned"));
        as(tenant, "AM").body(Map.of("title", "Again", "initiativeIds", List.of(draftWork)))
                .post("/api/v1/clients/" + client + "/proposals").then().statusCode(409)
                .body("type", equalTo("/problems/client-churned"));
        assertThat(rows()).hasSize(afterChurn);
        rows().forEach(ContractAssertions::assertValid);
    }

    @Test
    void aDmiDropOnAnInsightApprovedWorkLinksMarksItsAdoptionMoveFailedAndWithholdsCredit() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register();
        String conditionalAccess = reviewed("Conditional access rollout", "2026-Q4",
                Map.of("healthLinks", List.of(Map.of("dimension", "ADOPTION", "insightCode", "MFA"))));
        as(tenant).body(Map.of("to", "PROPOSED")).post("/api/v1/initiatives/" + conditionalAccess + "/transitions")
                .then().statusCode(200);
        as(tenant).body(Map.of("to", "APPROVED", "decision", Map.of("evidence", "WRITTEN_CONFIRMATION",
                        "evidenceRef", "email 2026-09-05", "clientOwner", "Maya Chen (CFO)", "decidedOn", "2026-09-05",
                        "budget", Map.of("amount", "5000.00", "currency", "USD"))))
                .post("/api/v1/initiatives/" + conditionalAccess + "/transitions").then().statusCode(200)
                .body("credit.eligible", equalTo(true));

        publisher.publish(InboundEvents.dmiDropped(UUID.randomUUID(), tenant, client,
                Instant.parse("2026-09-05T11:00:00Z"), "corr-dmi-" + client,
                new InboundEvents.Gap("MFA", 0.58, 0.90)));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/initiatives/" + conditionalAccess).then()
                .body("adoptionMoveFailed", equalTo(true)).body("creditEligible", equalTo(false)));
        rows().forEach(ContractAssertions::assertValid);
    }

    private void register() {
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 12, REGISTERED));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/roadmap").then()
                .statusCode(200));
    }

    /** A later registration of another client of this tenant: once it is applied, the earlier events are too. */
    private void barrier() {
        UUID other = UUID.randomUUID();
        publisher.publish(InboundEvents.clientRegistered(tenant, other, 12, REGISTERED));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + other + "/roadmap").then()
                .statusCode(200));
    }

    /** An initiative in INTERNAL_REVIEW with 5,000.00 OPEX one-time and a counted pre-approval. */
    private String reviewed(String title, String quarter, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "summary", "Why now", "lane",
                "GROWTH", "origin", "MANUAL", "quarter", quarter, "estimate",
                Map.of("oneTime", Map.of("amount", "5000.00", "currency", "USD"), "spendType", "OPEX")));
        body.putAll(extra);
        String id = as(tenant).body(body).post("/api/v1/clients/" + client + "/initiatives").then().statusCode(201)
                .extract().path("id");
        as(tenant).body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + id + "/transitions").then()
                .statusCode(200);
        as(tenant).body(Map.of("clientOwner", "Maya Chen (CFO)", "targetQuarter", quarter,
                        "budgetBand", Map.of("low", Map.of("amount", "4000.00", "currency", "USD"),
                                "high", Map.of("amount", "6000.00", "currency", "USD"))))
                .put("/api/v1/initiatives/" + id + "/pre-approval").then().statusCode(200);
        return id;
    }

    private String proposal(String initiativeId) {
        return as(tenant, "AM").body(Map.of("title", "Proposal", "initiativeIds", List.of(initiativeId)))
                .post("/api/v1/clients/" + client + "/proposals").then().statusCode(201).extract().path("id");
    }

    private String budget(int fiscalYear) {
        return "/api/v1/clients/" + client + "/budgets/" + fiscalYear;
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    private List<OutboxRows.Row> rows() {
        return OutboxRows.of("roadmap", tenant);
    }

    private static JsonNode data(List<OutboxRows.Row> rows, String type) {
        return rows.stream().filter(row -> row.type().equals(type)).findFirst().orElseThrow().envelope().get("data");
    }
}
