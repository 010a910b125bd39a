package io.mspcs.segmentation.rest;

import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Team members, owners, capacity, books and the portfolio (segmentation.md §2.5, §4, §6). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "segmentation"))
class TeamComponentTest {

    static String member(UUID tenant, String name, String role, Map<String, Object> capacity) {
        return as(tenant).body(Map.of("name", name, "email", name.toLowerCase() + "@msp.example",
                        "roles", List.of(Map.of("role", role, "allocation", 1.0)), "capacity", capacity))
                .post("/api/v1/team-members").then().statusCode(201).extract().path("id");
    }

    @Test
    void assigningAnOwnerEmitsTheFullOwnerMapOnceAndCapacityBreachesOnTheEdges() {
        UUID tenant = UUID.randomUUID();
        String client = SegmentOverrideComponentTest.register(tenant, "own", "8000.00");
        // 1 hour a month: the client's 7.00 h × CSM share 0.4 = 2.8 h → 280 % → OVER_CAPACITY.
        String dana = member(tenant, "Dana", "CSM", Map.of("unit", "HOURS", "hoursPerMonth", 1));
        String tam = member(tenant, "Tom", "TAM", Map.of("unit", "ACCOUNTS"));

        as(tenant).body(Map.of("memberId", dana, "reason", "new book")).put("/api/v1/clients/" + client + "/owners/CSM")
                .then().statusCode(200).body("owners.CSM.memberId", equalTo(dana)).body("owners.VCIO", nullValue());
        as(tenant).body(Map.of("memberId", dana, "reason", "again")).put("/api/v1/clients/" + client + "/owners/CSM")
                .then().statusCode(200);
        List<OutboxRows.Row> assigned = OutboxRows.of("segmentation", tenant, EventTypes.OWNER_ASSIGNED);
        assertThat(assigned).hasSize(1);
        ContractAssertions.assertValid(assigned.get(0));
        assertThat(assigned.get(0).envelope().at("/data/owners/CSM/memberId").asText()).isEqualTo(dana);
        assertThat(assigned.get(0).envelope().at("/data/owners").has("TAM")).isTrue();

        List<OutboxRows.Row> breached = OutboxRows.of("segmentation", tenant, EventTypes.CAPACITY_BREACHED);
        assertThat(breached).hasSize(1);
        ContractAssertions.assertValid(breached.get(0));
        assertThat(breached.get(0).partitionKey()).isEqualTo(tenant + ":" + dana);
        assertThat(breached.get(0).envelope().at("/data/kind").asText()).isEqualTo("OVER_CAPACITY");
        assertThat(breached.get(0).envelope().at("/data/utilisationPct").decimalValue()).isEqualByComparingTo("280.0");

        as(tenant).get("/api/v1/team-members/" + dana + "/book").then().statusCode(200)
                .body("accounts", equalTo(1)).body("breaches", hasSize(1))
                .body("suggestion[0].reason", equalTo("NO_CAPACITY"));
        as(tenant).get("/api/v1/capacity?role=CSM").then().statusCode(200).body("", hasSize(1));

        as(tenant).delete("/api/v1/clients/" + client + "/owners/CSM").then().statusCode(204);
        assertThat(OutboxRows.of("segmentation", tenant, EventTypes.OWNER_ASSIGNED)).hasSize(2);
        List<OutboxRows.Row> restored = OutboxRows.of("segmentation", tenant, EventTypes.CAPACITY_RESTORED);
        assertThat(restored).hasSize(1);
        ContractAssertions.assertValid(restored.get(0));
        OutboxRows.of("segmentation", tenant).forEach(ContractAssertions::assertValid);
        as(tenant).delete("/api/v1/clients/" + client + "/owners/CSM").then().statusCode(404);
        as(tenant).get("/api/v1/team-members/" + tam).then().statusCode(200).body("roles[0].role", equalTo("TAM"));
    }

    @Test
    void ownerAssignmentRulesAnswerProblems() {
        UUID tenant = UUID.randomUUID();
        String client = SegmentOverrideComponentTest.register(tenant, "rules", "100.00");
        String tam = member(tenant, "Tess", "TAM", Map.of("unit", "ACCOUNTS"));
        String csm = member(tenant, "Carl", "CSM", Map.of("unit", "ACCOUNTS"));
        as(tenant).body(Map.of("memberId", tam)).put("/api/v1/clients/" + client + "/owners/CSM").then()
                .statusCode(400).body("errors[0].code", equalTo("member-lacks-role"));
        as(tenant).body(Map.of("memberId", csm, "backupMemberId", csm)).put("/api/v1/clients/" + client + "/owners/CSM")
                .then().statusCode(400).body("errors[0].code", equalTo("backup-same-as-owner"));
        as(tenant).body(Map.of("memberId", UUID.randomUUID())).put("/api/v1/clients/" + client + "/owners/CSM").then()
                .statusCode(404).body("type", equalTo("/problems/member-not-found"));
        as(tenant).body(Map.of("memberId", csm)).put("/api/v1/clients/" + UUID.randomUUID() + "/owners/CSM").then()
                .statusCode(404).body("type", equalTo("/problems/client-not-found"));
        as(tenant).body(Map.of("memberId", csm)).put("/api/v1/clients/" + client + "/owners/SDM").then()
                .statusCode(400).body("errors[0].code", equalTo("enum"));
        as(tenant, "CSM").body(Map.of("memberId", csm)).put("/api/v1/clients/" + client + "/owners/CSM").then()
                .statusCode(403);
        assertThat(OutboxRows.of("segmentation", tenant, EventTypes.OWNER_ASSIGNED)).isEmpty();

        as(tenant).body(Map.of("memberId", csm)).put("/api/v1/clients/" + client + "/owners/CSM").then().statusCode(200);
        as(tenant).body(Map.of("status", "INACTIVE")).patch("/api/v1/team-members/" + csm).then()
                .statusCode(409).body("type", equalTo("/problems/member-has-assignments"));
        as(tenant).get("/api/v1/clients?ownerId=" + csm).then().body("items", hasSize(1));
        as(tenant).get("/api/v1/clients?missingRole=CSM").then().body("items", hasSize(0));
        as(tenant).get("/api/v1/clients?missingRole=TAM").then().body("items", hasSize(1));
    }

    @Test
    void bulkAssignmentsResolvePsaIdsAndAnswerPerLine() {
        UUID tenant = UUID.randomUUID();
        String client = SegmentOverrideComponentTest.register(tenant, "bulk-own", "100.00");
        String tam = member(tenant, "Tina", "TAM", Map.of("unit", "ACCOUNTS"));
        var lines = List.of(Map.of("source", "connectwise", "externalId", "bulk-own", "role", "TAM", "memberId", tam),
                Map.of("clientId", client, "role", "CSM", "memberId", tam),
                Map.of("clientId", UUID.randomUUID().toString(), "role", "TAM", "memberId", tam));
        as(tenant).body(Map.of("items", lines)).post("/api/v1/assignments/bulk").then().statusCode(200)
                .body("summary.assigned", equalTo(1)).body("summary.rejected", equalTo(2))
                .body("items[0].clientId", equalTo(client))
                .body("items[1].problem.errors[0].code", equalTo("member-lacks-role"))
                .body("items[2].problem.type", equalTo("/problems/client-not-found"));
        as(tenant).body(Map.of("items", lines.subList(0, 1))).post("/api/v1/assignments/bulk").then().statusCode(200)
                .body("summary.unchanged", equalTo(1));
        List<OutboxRows.Row> assigned = OutboxRows.of("segmentation", tenant, EventTypes.OWNER_ASSIGNED);
        assertThat(assigned).hasSize(1);
        ContractAssertions.assertValid(assigned.get(0));
    }

    @Test
    void teamMemberValidation() {
        UUID tenant = UUID.randomUUID();
        member(tenant, "Dup", "CSM", Map.of("unit", "ACCOUNTS"));
        as(tenant).body(Map.of("name", "Dup", "email", "dup@msp.example", "roles", List.of(Map.of("role", "CSM", "allocation", 1.0)),
                "capacity", Map.of("unit", "ACCOUNTS"))).post("/api/v1/team-members").then()
                .statusCode(409).body("type", equalTo("/problems/member-exists"));
        as(tenant).body(Map.of("name", "Over", "email", "over@msp.example",
                "roles", List.of(Map.of("role", "CSM", "allocation", 0.7), Map.of("role", "TAM", "allocation", 0.5)),
                "capacity", Map.of("unit", "ACCOUNTS"))).post("/api/v1/team-members").then()
                .statusCode(400).body("errors[0].code", equalTo("sum"));
        as(tenant).get("/api/v1/team-members?role=CSM").then().statusCode(200).body("", hasSize(1));
        as(tenant).get("/api/v1/team-members/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("/problems/member-not-found"));
    }

    @Test
    void portfolioDistributionCountsClientsAndMrrWithZeros() {
        UUID tenant = UUID.randomUUID();
        SegmentOverrideComponentTest.register(tenant, "p1", "12000.00");
        SegmentOverrideComponentTest.register(tenant, "p2", "4000.00");
        as(tenant).get("/api/v1/portfolio/distribution").then().statusCode(200)
                .body("totalClients", equalTo(2)).body("provisional", equalTo(2))
                .body("totalMrr", equalTo(16000.0f))
                .body("bySegment", hasSize(4)).body("bySegment[2].key", equalTo("C"))
                .body("bySegment[2].count", equalTo(2)).body("bySegment[0].count", equalTo(0))
                .body("byMrrBand[0].key", equalTo("VIP")).body("byMrrBand[0].mrrPct", equalTo(75.0f))
                .body("matrix", hasSize(16));
    }

    @Test
    void policyIsVersionedAndValidated() {
        UUID tenant = UUID.randomUUID();
        Map<String, Object> policy = as(tenant).get("/api/v1/segmentation/policy").then().statusCode(200)
                .body("version", equalTo(1)).body("provisionalSegment", equalTo("C"))
                .body("axes.highThreshold", equalTo(3.0f)).extract().as(Map.class);
        as(tenant).body(policy).put("/api/v1/segmentation/policy").then().statusCode(200).body("version", equalTo(1));

        var changed = new java.util.HashMap<>(policy);
        changed.put("minDwellDays", 14);
        as(tenant).header("If-Match", "\"7\"").body(changed).put("/api/v1/segmentation/policy").then().statusCode(412)
                .body("type", equalTo("/problems/policy-version-mismatch"));
        as(tenant).header("If-Match", "\"1\"").body(changed).put("/api/v1/segmentation/policy").then().statusCode(200)
                .body("version", equalTo(2)).body("minDwellDays", equalTo(14));

        var badAxes = new java.util.HashMap<String, Object>((Map<String, Object>) changed.get("axes"));
        badAxes.put("maturityWeights", Map.of("ADOPTION", 0.5, "ENGAGEMENT", 0.2));
        var bad = new java.util.HashMap<>(changed);
        bad.put("axes", badAxes);
        as(tenant).body(bad).put("/api/v1/segmentation/policy").then().statusCode(400)
                .body("errors[0].field", equalTo("axes.maturityWeights")).body("errors[0].code", equalTo("sum"));

        SegmentOverrideComponentTest.register(tenant, "cur", "10.00");
        var euro = new java.util.HashMap<>(changed);
        euro.put("currency", "EUR");
        as(tenant).body(euro).put("/api/v1/segmentation/policy").then().statusCode(409)
                .body("type", equalTo("/problems/currency-locked"));
        as(tenant, "AM").body(changed).put("/api/v1/segmentation/policy").then().statusCode(403);
    }
}
