package io.mspcs.roadmap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.mspcs.roadmap.rest.InboundEvents.Gap;
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

/** roadmap.md §11 E1, the fix-first loop: Harbor Dental, FY end 12, today 2026-11-20 (2026-Q4). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class FixFirstComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant BREACH = Instant.parse("2026-11-20T14:03:12.481Z");
    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

    private final UUID tenant = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();
    private final UUID gate = UUID.randomUUID();

    @BeforeAll
    static void openPublisher() {
        publisher = EventPublisher.forSharedInfra();
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Test
    void exampleE1FixFirstLoop() {
        clock.set(Instant.parse("2026-11-20T10:00:00Z"));
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 12, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> roadmap().statusCode(200));
        String firewall = created(Map.of("title", "Firewall replacement", "summary", "End of life firewall",
                "lane", "STABILITY", "origin", "MANUAL", "quarter", "2026-Q4",
                "estimate", Map.of("oneTime", usd("4200.00"), "spendType", "CAPEX")));
        move(firewall, "CS_LEADER", Map.of("to", "INTERNAL_REVIEW")).statusCode(200);
        move(firewall, "CS_LEADER", Map.of("to", "PROPOSED")).statusCode(200);
        move(firewall, "CS_LEADER", approval("4200.00", "2026-11-18")).statusCode(200);
        String teams = created(Map.of("title", "Teams Phone migration", "summary", "Replace the PBX before support ends",
                "lane", "EFFICIENCY", "origin", "MANUAL", "quarter", "2027-Q1", "estimate", Map.of(
                        "oneTime", usd("9600.00"), "spendType", "OPEX", "recurringMonthly", usd("240.00"))));
        move(teams, "VCIO", Map.of("to", "INTERNAL_REVIEW")).statusCode(200);
        as(tenant).body(Map.of("clientOwner", "Maya Chen", "targetQuarter", "2027-Q1", "budgetBand",
                        Map.of("low", usd("8000.00"), "high", usd("12000.00"))))
                .put("/api/v1/initiatives/" + teams + "/pre-approval").then().statusCode(200);

        // 1: DmiDropped creates I-MFA at the head, I-FW moves 1 → 2.
        clock.set(Instant.parse("2026-11-20T14:03:13Z"));
        int rows = rows().size();
        publisher.publish(InboundEvents.dmiDropped(UUID.randomUUID(), tenant, client, BREACH, "corr-drop",
                new Gap("MFA", 0.58, 0.9)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).hasSize(rows + 2));
        JsonNode mfa = data(EventTypes.INITIATIVE_CREATED).get(2);
        String mfaId = mfa.get("initiativeId").asText();
        assertThat(mfa.get("origin").asText()).isEqualTo("DMI_DROP");
        assertThat(mfa.get("quarter").asText()).isEqualTo("2026-Q4");
        assertThat(mfa.get("position").asInt()).isEqualTo(1);
        assertThat(mfa.get("priority").asText()).isEqualTo("HIGH");
        JsonNode first = last(EventTypes.ROADMAP_RESEQUENCED);
        assertThat(first.get("reason").asText()).isEqualTo("REMEDIATION_FIRST");
        assertThat(first.get("moves")).hasSize(1);
        assertThat(first.at("/moves/0/initiativeId").asText()).isEqualTo(firewall);
        assertThat(first.at("/moves/0/fromPosition").asInt()).isEqualTo(1);
        assertThat(first.at("/moves/0/toPosition").asInt()).isEqualTo(2);
        assertThat(first.get("proposalsBlocked").asBoolean()).isFalse();
        int version = first.get("version").asInt();

        // 2: the FIX_FIRST breach is covered: no new initiative, I-MFA CRITICAL, a version with no moves, blocked.
        publisher.publish(InboundEvents.gateBreached(UUID.randomUUID(), tenant, client, gate, BREACH, "MFA", 0.58, 0.6));
        await().atMost(WAIT).untilAsserted(() -> roadmap().body("gates.proposalsBlocked", equalTo(true)));
        JsonNode blocked = last(EventTypes.ROADMAP_RESEQUENCED);
        assertThat(blocked.get("version").asInt()).isEqualTo(version + 1);
        assertThat(blocked.get("moves")).isEmpty();
        assertThat(blocked.get("proposalsBlocked").asBoolean()).isTrue();
        assertThat(data(EventTypes.INITIATIVE_CREATED)).hasSize(3);
        as(tenant).get("/api/v1/initiatives/" + mfaId).then().body("priority", equalTo("CRITICAL"))
                .body("originRefs.gateIds", contains(gate.toString()));
        roadmap().body("gates.open[0].gateId", equalTo(gate.toString()))
                .body("gates.open[0].remediationInitiativeIds", contains(mfaId))
                .body("quarters[1].items[0].blockedByGate", equalTo(true));

        // 4, 5: new work is refused while the gate is open; only the CS_LEADER may override.
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        int beforeRefusals = rows().size();
        Map<String, Object> proposal = Map.of("title", "Teams Phone", "initiativeIds", List.of(teams));
        as(tenant, "AM").body(proposal).post("/api/v1/clients/" + client + "/proposals").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/fix-first-gate"))
                .body("detail", equalTo("MFA coverage 58% is below the 60% gate: remediation comes before new work"))
                .body("gates[0].gateId", equalTo(gate.toString()))
                .body("gates[0].failing[0].insightCode", equalTo("MFA"))
                .body("blockedInitiativeIds", contains(teams))
                .body("remediationInitiativeIds", contains(mfaId));
        Map<String, Object> overridden = Map.of("title", "Teams Phone", "initiativeIds", List.of(teams),
                "overrides", List.of(Map.of("gate", "FIX_FIRST", "reason", "Client signed before the breach")));
        as(tenant, "VCIO").body(overridden).post("/api/v1/clients/" + client + "/proposals").then().statusCode(403)
                .body("type", equalTo("/problems/override-not-permitted"));
        as(tenant).get("/api/v1/clients/" + client + "/proposals").then().body("items", hasSize(0));
        String override = as(tenant, "CS_LEADER").body(overridden).post("/api/v1/clients/" + client + "/proposals")
                .then().statusCode(201).body("overrides[0].gate", equalTo("FIX_FIRST")).extract().path("id");
        as(tenant, "CS_LEADER").body(Map.of("reason", "Waiting for the gate instead"))
                .post("/api/v1/proposals/" + override + "/withdraw").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        assertThat(rows()).hasSize(beforeRefusals);

        // 6: the TAM estimates and proposes the remediation.
        clock.set(Instant.parse("2026-11-23T11:00:00Z"));
        int beforeRemediation = rows().size();
        as(tenant, "TAM").body(Map.of("estimate", Map.of("oneTime", usd("1800.00"), "spendType", "OPEX")))
                .patch("/api/v1/initiatives/" + mfaId).then().statusCode(200);
        move(mfaId, "TAM", Map.of("to", "INTERNAL_REVIEW")).statusCode(200);
        move(mfaId, "TAM", Map.of("to", "PROPOSED")).statusCode(200);
        assertThat(types(beforeRemediation)).containsExactly(EventTypes.INITIATIVE_STATE_CHANGED,
                EventTypes.BUDGET_UPDATED, EventTypes.INITIATIVE_STATE_CHANGED);
        assertThat(last(EventTypes.BUDGET_UPDATED).get("fiscalYear").asInt()).isEqualTo(2026);
        as(tenant).get("/api/v1/clients/" + client + "/budgets/2026").then()
                .body("quarters[3].planned.opex.amount", equalTo("1800.00"));

        // 7: the VCIO records the approval: stability work earns no credit.
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        int beforeApproval = rows().size();
        move(mfaId, "VCIO", Map.of("to", "APPROVED", "decision", Map.of("evidence", "WRITTEN_CONFIRMATION",
                "evidenceRef", "email 2026-11-24", "clientOwner", "Maya Chen (CFO)", "decidedOn", "2026-11-24",
                "budget", usd("1800.00")))).statusCode(200)
                .body("state", equalTo("APPROVED")).body("credit.eligible", equalTo(false))
                .body("credit.reasons", contains("STABILITY_WORK")).body("warnings", hasSize(0));
        assertThat(types(beforeApproval)).containsExactly(EventTypes.INITIATIVE_STATE_CHANGED,
                EventTypes.INITIATIVE_APPROVED, EventTypes.BUDGET_UPDATED);
        as(tenant).get("/api/v1/clients/" + client + "/budgets/2026").then()
                .body("quarters[3].committed.opex.amount", equalTo("1800.00"));

        // 8: delivered; I-FW closes the gap at position 1 without a new version.
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        move(mfaId, "TAM", Map.of("to", "IN_PROGRESS", "deliveryOwnerMemberId", "tam-1")).statusCode(200)
                .body("warnings[0].code", equalTo("FIX_FIRST_GATE_OPEN"));
        clock.set(Instant.parse("2026-12-09T15:00:00Z"));
        int versionsBefore = data(EventTypes.ROADMAP_RESEQUENCED).size();
        move(mfaId, "TAM", Map.of("to", "COMPLETED", "completedOn", "2026-12-09")).statusCode(200);
        JsonNode completed = last(EventTypes.INITIATIVE_COMPLETED);
        assertThat(completed.get("stabilityWork").asBoolean()).isTrue();
        assertThat(completed.get("completedAt").asText()).isEqualTo("2026-12-09T15:00:00Z");
        assertThat(completed.at("/healthLinks/0/dimension").asText()).isEqualTo("ADOPTION");
        assertThat(completed.at("/healthLinks/0/insightCode").asText()).isEqualTo("MFA");
        assertThat(data(EventTypes.ROADMAP_RESEQUENCED)).hasSize(versionsBefore);
        roadmap().body("quarters[0].items[0].initiativeId", equalTo(firewall))
                .body("quarters[0].items[0].position", equalTo(1));

        // 9: the gate clears: unblocked, GATE_CLEARED.
        clock.set(Instant.parse("2026-12-10T06:10:00Z"));
        publisher.publish(InboundEvents.gateCleared(tenant, client, gate, Instant.parse("2026-12-10T06:10:00Z")));
        await().atMost(WAIT).untilAsserted(() -> roadmap().body("gates.proposalsBlocked", equalTo(false)));
        JsonNode cleared = last(EventTypes.ROADMAP_RESEQUENCED);
        assertThat(cleared.get("reason").asText()).isEqualTo("GATE_CLEARED");
        assertThat(cleared.get("version").asInt()).isEqualTo(version + 2);
        assertThat(cleared.get("proposalsBlocked").asBoolean()).isFalse();

        // 10: new work may now be proposed; sending keeps the budget unchanged (still PLANNED).
        clock.set(Instant.parse("2026-12-10T09:00:00Z"));
        String sent = as(tenant, "AM").body(proposal).post("/api/v1/clients/" + client + "/proposals").then()
                .statusCode(201).body("firstYearValue.amount", equalTo("12480.00")).extract().path("id");
        int beforeSend = rows().size();
        as(tenant, "AM").body(Map.of("channel", "EMAIL")).post("/api/v1/proposals/" + sent + "/send").then()
                .statusCode(200).body("status", equalTo("SENT")).body("validUntil", equalTo("2027-02-08"));
        assertThat(types(beforeSend)).containsExactly(EventTypes.INITIATIVE_STATE_CHANGED, EventTypes.PROPOSAL_SENT);
        as(tenant).get("/api/v1/initiatives/" + teams).then().body("state", equalTo("PROPOSED"))
                .body("preApproval.status", equalTo("CONVERTED"));

        // 11: a replayed breach of the cleared gate is ignored.
        clock.set(Instant.parse("2026-12-11T09:00:00Z"));
        int beforeReplay = rows().size();
        publisher.publish(InboundEvents.gateBreached(UUID.randomUUID(), tenant, client, gate, BREACH, "MFA", 0.58, 0.6));
        UUID other = UUID.randomUUID();
        publisher.publish(InboundEvents.dmiDropped(UUID.randomUUID(), tenant, other, BREACH, "barrier",
                new Gap("MFA", 0.5, 0.9)));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + other + "/roadmap").then()
                .statusCode(200));
        roadmap().body("gates.proposalsBlocked", equalTo(false)).body("gates.open", hasSize(0));
        assertThat(rows().stream().skip(beforeReplay).filter(row -> row.partitionKey().endsWith(client.toString())))
                .isEmpty();

        rows().forEach(ContractAssertions::assertValid);
    }

    @Test
    void aClearArrivingBeforeItsBreachKeepsTheGateClosed() {
        clock.set(Instant.parse("2026-11-20T14:05:00Z"));
        publisher.publish(InboundEvents.gateCleared(tenant, client, gate, BREACH.plusSeconds(60)));
        publisher.publish(InboundEvents.gateBreached(UUID.randomUUID(), tenant, client, gate, BREACH, "MFA", 0.58, 0.6));
        barrier();

        roadmap().statusCode(200).body("gates.proposalsBlocked", equalTo(false)).body("gates.open", hasSize(0));
        assertThat(clientRows()).isEmpty();
    }

    @Test
    void aDuplicateBreachWithANewEventIdChangesNothingAndResequencingKeepsRemediationFirst() {
        clock.set(Instant.parse("2026-11-20T14:05:00Z"));
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 12, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> roadmap().statusCode(200));
        String work = created(Map.of("title", "Intranet refresh", "lane", "GROWTH", "origin", "MANUAL",
                "quarter", "2026-Q4"));
        publisher.publish(InboundEvents.gateBreached(UUID.randomUUID(), tenant, client, gate, BREACH, "MFA", 0.58, 0.6));
        await().atMost(WAIT).untilAsserted(() -> roadmap().body("gates.proposalsBlocked", equalTo(true)));
        int afterBreach = clientRows().size();
        String mfaId = data(EventTypes.INITIATIVE_CREATED).get(1).get("initiativeId").asText();
        assertThat(data(EventTypes.INITIATIVE_CREATED).get(1).get("origin").asText()).isEqualTo("ADOPTION_GATE");

        publisher.publish(InboundEvents.gateBreached(UUID.randomUUID(), tenant, client, gate, BREACH, "MFA", 0.58, 0.6));
        barrier();
        assertThat(clientRows()).hasSize(afterBreach);

        int version = roadmap().extract().path("version");
        as(tenant).header("If-Match", "\"" + version + "\"").body(Map.of("note", "new work first",
                        "moves", List.of(Map.of("initiativeId", work, "toQuarter", "2026-Q4", "toPosition", 1))))
                .post("/api/v1/clients/" + client + "/roadmap/resequence").then().statusCode(409)
                .body("type", equalTo("/problems/remediation-must-lead"));
        as(tenant).header("If-Match", "\"" + (version - 1) + "\"").body(Map.of("note", "later",
                        "moves", List.of(Map.of("initiativeId", work, "toQuarter", "2027-Q2", "toPosition", 1))))
                .post("/api/v1/clients/" + client + "/roadmap/resequence").then().statusCode(412);
        assertThat(clientRows()).hasSize(afterBreach);
        as(tenant).header("If-Match", "\"" + version + "\"").body(Map.of("note", "later",
                        "moves", List.of(Map.of("initiativeId", work, "toQuarter", "2027-Q2", "toPosition", 1))))
                .post("/api/v1/clients/" + client + "/roadmap/resequence").then().statusCode(200)
                .body("version", equalTo(version + 1)).body("moves[0].toQuarter", equalTo("2027-Q2"));
        JsonNode manual = last(EventTypes.ROADMAP_RESEQUENCED);
        assertThat(manual.get("reason").asText()).isEqualTo("MANUAL");
        assertThat(manual.at("/head/0/initiativeId").asText()).isEqualTo(mfaId);
        rows().forEach(ContractAssertions::assertValid);
    }

    // --- helpers

    /** Records of the health topic are handled in order: once a later one took effect, so did ours. */
    private void barrier() {
        UUID other = UUID.randomUUID();
        publisher.publish(InboundEvents.dmiDropped(UUID.randomUUID(), tenant, other, BREACH, "barrier",
                new Gap("MFA", 0.5, 0.9)));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + other + "/roadmap").then()
                .statusCode(200));
    }

    private io.restassured.response.ValidatableResponse roadmap() {
        return as(tenant).get("/api/v1/clients/" + client + "/roadmap").then();
    }

    private String created(Map<String, ?> body) {
        return as(tenant).body(body).post("/api/v1/clients/" + client + "/initiatives").then().statusCode(201)
                .extract().path("id");
    }

    private io.restassured.response.ValidatableResponse move(String id, String role, Map<String, ?> body) {
        return as(tenant, role).body(body).post("/api/v1/initiatives/" + id + "/transitions").then();
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    private static Map<String, Object> approval(String budget, String on) {
        return Map.of("to", "APPROVED", "decision", Map.of("evidence", "ESIGN", "evidenceRef", "esign-1",
                "clientOwner", "Office manager", "decidedOn", on, "budget", usd(budget)));
    }

    private List<OutboxRows.Row> rows() {
        return OutboxRows.of("roadmap", tenant);
    }

    private List<OutboxRows.Row> clientRows() {
        return rows().stream().filter(row -> row.partitionKey().endsWith(client.toString())).toList();
    }

    private List<String> types(int from) {
        List<OutboxRows.Row> all = rows();
        return all.subList(from, all.size()).stream().map(OutboxRows.Row::type).toList();
    }

    private List<JsonNode> data(String type) {
        return OutboxRows.of("roadmap", tenant, type).stream().map(row -> row.envelope().get("data")).toList();
    }

    private JsonNode last(String type) {
        List<JsonNode> all = data(type);
        return all.get(all.size() - 1);
    }
}
