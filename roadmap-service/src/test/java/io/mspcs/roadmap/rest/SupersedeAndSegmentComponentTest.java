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

/** Superseding proposals (roadmap.md §3.5, §6.1) and the client segment (§3.7, §8.2, §9 filters). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class SupersedeAndSegmentComponentTest {

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
    void aNewVersionReplacesTheSentProposalAndLaterADeclinedOne() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register();
        String backup = proposable("Cloud backup (BCDR)", Map.of("oneTime", usd("6000.00"), "spendType", "CAPEX",
                "recurringMonthly", usd("450.00")));
        String phones = proposable("Teams Phone migration", Map.of("oneTime", usd("9600.00"), "spendType", "OPEX"));
        String p1 = created(Map.of("title", "Backup and phones", "initiativeIds", List.of(backup, phones)));
        send(p1);

        clock.set(Instant.parse("2026-09-20T10:00:00Z"));
        String p2 = as(tenant, "AM").body(Map.of("title", "Backup only", "initiativeIds", List.of(backup),
                        "supersedesProposalId", p1))
                .post("/api/v1/clients/" + client + "/proposals").then().statusCode(201)
                .body("version", equalTo(2)).body("supersedesProposalId", equalTo(p1))
                .body("firstYearValue.amount", equalTo("11400.00")).extract().path("id");
        int before = rows().size();
        as(tenant, "AM").body(Map.of("title", "Second try", "initiativeIds", List.of(backup),
                        "supersedesProposalId", p1)).post("/api/v1/clients/" + client + "/proposals").then()
                .statusCode(409).body("type", equalTo("/problems/proposal-already-superseded"));
        as(tenant, "AM").body(Map.of("title", "Of a draft", "initiativeIds", List.of(phones),
                        "supersedesProposalId", p2)).post("/api/v1/clients/" + client + "/proposals").then()
                .statusCode(409).body("type", equalTo("/problems/invalid-proposal-state"));
        as(tenant, "AM").body(Map.of("title", "Unknown", "initiativeIds", List.of(backup),
                        "supersedesProposalId", UUID.randomUUID())).post("/api/v1/clients/" + client + "/proposals")
                .then().statusCode(404);
        assertThat(rows()).as("refusals write nothing").hasSize(before);

        send(p2);
        List<OutboxRows.Row> sending = rows().subList(before, rows().size());
        JsonNode closed = data(sending, EventTypes.PROPOSAL_CLOSED);
        assertThat(closed.get("proposalId").asText()).isEqualTo(p1);
        assertThat(closed.get("closeReason").asText()).isEqualTo("SUPERSEDED");
        assertThat(closed.get("supersededBy").asText()).isEqualTo(p2);
        assertThat(closed.get("ageDays").asInt()).isEqualTo(15);
        assertThat(data(sending, EventTypes.PROPOSAL_SENT).get("version").asInt()).isEqualTo(2);
        JsonNode leftOut = data(sending, EventTypes.INITIATIVE_STATE_CHANGED);
        assertThat(leftOut.get("initiativeId").asText()).isEqualTo(phones);
        assertThat(leftOut.get("to").asText()).isEqualTo("INTERNAL_REVIEW");
        as(tenant).get("/api/v1/proposals/" + p1).then().body("status", equalTo("CLOSED"))
                .body("close.closeReason", equalTo("SUPERSEDED")).body("close.supersededBy", equalTo(p2));
        as(tenant).get("/api/v1/proposals/" + p2).then().body("status", equalTo("SENT")).body("ageDays", equalTo(0));
        as(tenant).get("/api/v1/initiatives/" + backup).then().body("state", equalTo("PROPOSED"))
                .body("openProposalId", equalTo(p2));

        as(tenant, "AM").body(Map.of("reasonCode", "SCOPE")).post("/api/v1/proposals/" + p2 + "/decline").then()
                .statusCode(200);
        preApprove(backup); // a decline clears the pre-approval (roadmap.md §3.6)
        String p3 = created(Map.of("title", "Backup, re-scoped", "initiativeIds", List.of(backup),
                "supersedesProposalId", p2));
        int beforeThird = rows().size();
        send(p3);
        assertThat(rows().subList(beforeThird, rows().size())).extracting(OutboxRows.Row::type)
                .doesNotContain(EventTypes.PROPOSAL_CLOSED);
        as(tenant).get("/api/v1/proposals/" + p3).then().body("version", equalTo(3));
        as(tenant).get("/api/v1/proposals/" + p2).then().body("status", equalTo("DECLINED"))
                .body("close.supersededBy", equalTo(p3));
        rows().forEach(ContractAssertions::assertValid);
    }

    @Test
    void theSegmentFiltersProposalsAndThePipelineAndCalibratesTheRoadmap() {
        clock.set(Instant.parse("2026-09-05T10:00:00Z"));
        register();
        String backup = proposable("Cloud backup (BCDR)", Map.of("oneTime", usd("6000.00"), "spendType", "CAPEX"));
        send(created(Map.of("title", "Backup", "initiativeIds", List.of(backup))));
        as(tenant).get("/api/v1/clients/" + client + "/roadmap").then().body("horizonQuarters", equalTo(4));

        publisher.publish(InboundEvents.segmentAssigned(tenant, client, "C", Instant.parse("2026-09-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/proposals?segment=C").then()
                .statusCode(200).body("items", hasSize(1)));
        as(tenant).get("/api/v1/proposals?segment=A").then().body("items", hasSize(0));
        as(tenant).get("/api/v1/proposals/pipeline?segment=C").then().body("undecided[0].count", equalTo(1));
        as(tenant).get("/api/v1/proposals/pipeline?segment=A").then().body("undecided[0].count", equalTo(0));
        as(tenant).get("/api/v1/proposals?segment=c1").then().statusCode(400)
                .body("errors[0].code", equalTo("format"));
        as(tenant).get("/api/v1/clients/" + client + "/roadmap").then().body("horizonQuarters", equalTo(2));
        JsonNode calibrated = data(rows(), EventTypes.ROADMAP_RESEQUENCED);
        assertThat(calibrated.get("reason").asText()).isEqualTo("SEGMENT_CHANGED");
        assertThat(calibrated.get("moves")).isEmpty();

        // An older change arrives late: ignored; a newer one applies.
        publisher.publish(InboundEvents.segmentChanged(tenant, client, "D", "A", Instant.parse("2026-09-01T00:00:00Z")));
        publisher.publish(InboundEvents.segmentChanged(tenant, client, "C", "B", Instant.parse("2026-09-06T00:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/proposals?segment=B").then()
                .body("items", hasSize(1)));
        as(tenant).get("/api/v1/proposals?segment=A").then().body("items", hasSize(0));
        as(tenant).get("/api/v1/clients/" + client + "/roadmap").then().body("horizonQuarters", equalTo(4));
        assertThat(rows()).filteredOn(row -> row.type().equals(EventTypes.ROADMAP_RESEQUENCED)).hasSize(2);
        rows().forEach(ContractAssertions::assertValid);
    }

    private void register() {
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 6, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/roadmap").then()
                .statusCode(200));
    }

    /** An initiative in INTERNAL_REVIEW with a counted pre-approval, in 2027-Q3. */
    private String proposable(String title, Map<String, ?> estimate) {
        String id = as(tenant).body(Map.of("title", title, "summary", "Why now", "lane", "GROWTH", "origin", "MANUAL",
                        "quarter", "2027-Q3", "estimate", estimate))
                .post("/api/v1/clients/" + client + "/initiatives").then().statusCode(201).extract().path("id");
        as(tenant).body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + id + "/transitions").then()
                .statusCode(200);
        preApprove(id);
        return id;
    }

    private void preApprove(String initiativeId) {
        as(tenant).body(Map.of("clientOwner", "Ops Director", "targetQuarter", "2027-Q3",
                        "budgetBand", Map.of("low", usd("1000.00"), "high", usd("20000.00"))))
                .put("/api/v1/initiatives/" + initiativeId + "/pre-approval").then().statusCode(200)
                .body("preApproval.status", equalTo("COUNTED"));
    }

    private String created(Map<String, ?> body) {
        return as(tenant, "AM").body(body).post("/api/v1/clients/" + client + "/proposals").then().statusCode(201)
                .extract().path("id");
    }

    private void send(String proposalId) {
        as(tenant, "AM").body(Map.of("channel", "PORTAL")).post("/api/v1/proposals/" + proposalId + "/send").then()
                .statusCode(200).body("status", equalTo("SENT"));
    }

    private List<OutboxRows.Row> rows() {
        return OutboxRows.of("roadmap", tenant);
    }

    private static JsonNode data(List<OutboxRows.Row> rows, String type) {
        return rows.stream().filter(row -> row.type().equals(type)).findFirst().orElseThrow().envelope().get("data");
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }
}
