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
import static org.hamcrest.Matchers.hasSize;

/** Proposal decisions (roadmap.md §6.1) on the E2/E3 client, and a proposal mixing two clients (E4). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class ProposalDecisionComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

    private final UUID tenant = UUID.randomUUID();
    private final UUID pineStreet = UUID.randomUUID();
    private final UUID harbor = UUID.randomUUID();

    @BeforeAll
    static void openPublisher() {
        publisher = EventPublisher.forSharedInfra();
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Test
    void aTimingDeclineDefersTheWorkAndAnAcceptanceApprovesIt() {
        clock.set(Instant.parse("2026-09-01T10:00:00Z"));
        register(pineStreet, 6);
        register(harbor, 12);
        String i3 = proposable(pineStreet, "Cloud backup (BCDR)", "2027-Q3", Map.of("oneTime", usd("6000.00"),
                "spendType", "CAPEX", "recurringMonthly", usd("450.00"), "recurringStartMonth", "2027-02",
                "recurringTermMonths", 24));
        String i4 = proposable(pineStreet, "Conditional access", "2027-Q2",
                Map.of("oneTime", usd("2400.00"), "spendType", "OPEX"));
        String other = proposable(harbor, "Harbor work", "2027-Q1",
                Map.of("oneTime", usd("1000.00"), "spendType", "OPEX"));

        int before = rows().size();
        as(tenant, "AM").body(Map.of("title", "Mixed", "initiativeIds", List.of(i3, other)))
                .post("/api/v1/clients/" + pineStreet + "/proposals").then().statusCode(422)
                .body("type", equalTo("/problems/initiative-client-mismatch"))
                .body("initiativeIds", contains(other));
        as(tenant, "AM").body(Map.of("title", "Twice", "initiativeIds", List.of(i3, i3)))
                .post("/api/v1/clients/" + pineStreet + "/proposals").then().statusCode(400)
                .body("errors[0].code", equalTo("duplicate"));
        as(tenant).get("/api/v1/clients/" + pineStreet + "/proposals").then().body("items", org.hamcrest.Matchers.hasSize(0));

        clock.set(Instant.parse("2026-09-01T14:00:00Z"));
        String p3 = sent(i3);
        String p4 = sent(i4);
        as(tenant, "AM").body(Map.of("to", "DEFERRED", "reason", "manual move"))
                .post("/api/v1/initiatives/" + i3 + "/transitions").then().statusCode(403);
        as(tenant).body(Map.of("to", "DEFERRED", "reason", "manual move"))
                .post("/api/v1/initiatives/" + i3 + "/transitions").then().statusCode(409)
                .body("type", equalTo("/problems/initiative-in-open-proposal"));

        clock.set(Instant.parse("2026-10-05T14:20:00Z"));
        int beforeDecline = rows().size();
        as(tenant, "VCIO").body(Map.of("reasonCode", "TIMING", "reasonText", "after the audit"))
                .post("/api/v1/proposals/" + p3 + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("decline.reasonCode", equalTo("TIMING"));
        List<OutboxRows.Row> declined = rows().subList(beforeDecline, rows().size());
        assertThat(declined).extracting(OutboxRows.Row::type).startsWith(EventTypes.INITIATIVE_STATE_CHANGED,
                EventTypes.ROADMAP_RESEQUENCED, EventTypes.PROPOSAL_DECLINED);
        JsonNode resequenced = data(declined, EventTypes.ROADMAP_RESEQUENCED);
        assertThat(resequenced.get("reason").asText()).isEqualTo("PROPOSAL_DEFERRED");
        assertThat(resequenced.at("/moves/0/toQuarter").asText()).isEqualTo("2027-Q4");
        assertThat(data(declined, EventTypes.PROPOSAL_DECLINED).get("resequenced").asBoolean()).isTrue();
        as(tenant).get("/api/v1/initiatives/" + i3).then().body("state", equalTo("DEFERRED"))
                .body("quarter", equalTo("2027-Q4")).body("openProposalId", equalTo(null));

        as(tenant, "AM").body(Map.of("evidence", "VERBAL", "evidenceRef", "call", "clientOwner", "Ops Director",
                "budget", usd("2400.00"))).post("/api/v1/proposals/" + p4 + "/accept").then().statusCode(400)
                .body("errors[0].code", equalTo("enum"));
        int beforeAccept = rows().size();
        as(tenant, "AM").body(Map.of("evidence", "ESIGN", "evidenceRef", "esign-88412", "clientOwner", "Ops Director",
                        "acceptedAt", "2026-10-05T14:00:00Z", "targetDate", "2027-01-15", "budget", usd("2400.00")))
                .post("/api/v1/proposals/" + p4 + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        List<OutboxRows.Row> accepted = rows().subList(beforeAccept, rows().size());
        assertThat(accepted).extracting(OutboxRows.Row::type).startsWith(EventTypes.INITIATIVE_STATE_CHANGED,
                EventTypes.INITIATIVE_APPROVED, EventTypes.PROPOSAL_ACCEPTED, EventTypes.BUDGET_UPDATED);
        assertThat(data(accepted, EventTypes.PROPOSAL_ACCEPTED).get("creditEligible").asBoolean()).isTrue();
        as(tenant).get("/api/v1/initiatives/" + i4).then().body("state", equalTo("APPROVED"));
        as(tenant, "AM").body(Map.of("reasonCode", "PRICE")).post("/api/v1/proposals/" + p4 + "/decline").then()
                .statusCode(409).body("type", equalTo("/problems/invalid-proposal-state"))
                .body("allowedActions", org.hamcrest.Matchers.hasSize(0));

        as(tenant).get("/api/v1/proposals/pipeline").then().statusCode(200)
                .body("outcomes.accepted", equalTo(1)).body("outcomes.declined", equalTo(1))
                .body("outcomes.winRatePct", equalTo(50.0f)).body("outcomes.declinedByReason.TIMING", equalTo(1));
        assertThat(rows().size()).isGreaterThan(before);
        rows().forEach(ContractAssertions::assertValid);
    }

    @Test
    void aDraftIsEditedWithItsSumsRecomputedAndNoEventWhileASentOneIsNot() {
        clock.set(Instant.parse("2026-09-01T10:00:00Z"));
        register(pineStreet, 6);
        register(harbor, 12);
        String i3 = proposable(pineStreet, "Cloud backup (BCDR)", "2027-Q3", Map.of("oneTime", usd("6000.00"),
                "spendType", "CAPEX", "recurringMonthly", usd("450.00"), "recurringStartMonth", "2027-02",
                "recurringTermMonths", 24));
        String i4 = proposable(pineStreet, "Conditional access", "2027-Q2",
                Map.of("oneTime", usd("2400.00"), "spendType", "OPEX"));
        String other = proposable(harbor, "Harbor work", "2027-Q1",
                Map.of("oneTime", usd("1000.00"), "spendType", "OPEX"));
        String draft = as(tenant, "AM").body(Map.of("title", "Cloud backup", "initiativeIds", List.of(i3)))
                .post("/api/v1/clients/" + pineStreet + "/proposals").then().statusCode(201).extract().path("id");
        String etag = as(tenant).get("/api/v1/proposals/" + draft).then().statusCode(200).extract().header("ETag");
        int before = rows().size();

        as(tenant, "AM").header("If-Match", etag)
                .body(Map.of("title", "Backup and access", "initiativeIds", List.of(i3, i4),
                        "ownerMemberId", "am-jordan", "validUntil", "2026-10-31"))
                .patch("/api/v1/proposals/" + draft).then().statusCode(200)
                .body("title", equalTo("Backup and access")).body("version", equalTo(1))
                .body("initiativeIds", hasSize(2))
                .body("oneTime.amount", equalTo("8400.00")).body("recurringMonthly.amount", equalTo("450.00"))
                .body("firstYearValue.amount", equalTo("13800.00"));
        as(tenant, "AM").header("If-Match", etag).body(Map.of("title", "Stale"))
                .patch("/api/v1/proposals/" + draft).then().statusCode(412)
                .body("type", equalTo("/problems/version-mismatch"));
        as(tenant, "AM").body(Map.of("initiativeIds", List.of(i3, other)))
                .patch("/api/v1/proposals/" + draft).then().statusCode(422)
                .body("type", equalTo("/problems/initiative-client-mismatch"));
        as(tenant, "AM").body(Map.of("initiativeIds", List.of(i3, i3)))
                .patch("/api/v1/proposals/" + draft).then().statusCode(400).body("errors[0].code", equalTo("duplicate"));
        as(tenant, "VIEWER").body(Map.of("title", "Viewer edit"))
                .patch("/api/v1/proposals/" + draft).then().statusCode(403);
        as(tenant).get("/api/v1/proposals/" + draft).then().body("title", equalTo("Backup and access"))
                .body("initiativeIds", hasSize(2));
        assertThat(rows()).as("edits emit nothing").hasSize(before);

        as(tenant, "AM").body(Map.of("channel", "PORTAL")).post("/api/v1/proposals/" + draft + "/send").then()
                .statusCode(200);
        as(tenant, "AM").body(Map.of("title", "Too late")).patch("/api/v1/proposals/" + draft).then()
                .statusCode(409).body("type", equalTo("/problems/invalid-proposal-state"));
    }

    private void register(UUID client, int fiscalYearEndMonth) {
        publisher.publish(InboundEvents.clientRegistered(tenant, client, fiscalYearEndMonth,
                Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/roadmap").then()
                .statusCode(200));
    }

    /** An initiative in INTERNAL_REVIEW with a counted pre-approval: ready for a proposal. */
    private String proposable(UUID client, String title, String quarter, Map<String, ?> estimate) {
        String id = as(tenant).body(Map.of("title", title, "summary", "Why now", "lane", "GROWTH", "origin", "MANUAL",
                        "quarter", quarter, "estimate", estimate))
                .post("/api/v1/clients/" + client + "/initiatives").then().statusCode(201).extract().path("id");
        as(tenant).body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + id + "/transitions").then()
                .statusCode(200);
        as(tenant).body(Map.of("clientOwner", "Ops Director", "targetQuarter", quarter,
                        "budgetBand", Map.of("low", usd("1000.00"), "high", usd("20000.00"))))
                .put("/api/v1/initiatives/" + id + "/pre-approval").then().statusCode(200);
        return id;
    }

    private String sent(String initiativeId) {
        String id = as(tenant, "AM").body(Map.of("title", "Proposal", "initiativeIds", List.of(initiativeId)))
                .post("/api/v1/clients/" + pineStreet + "/proposals").then().statusCode(201).extract().path("id");
        as(tenant, "AM").body(Map.of("channel", "PORTAL")).post("/api/v1/proposals/" + id + "/send").then()
                .statusCode(200);
        return id;
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
