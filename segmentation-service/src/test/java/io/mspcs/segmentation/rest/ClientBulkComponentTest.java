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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** segmentation.md §6 bulk upsert, §7 validation and §8 E11. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "segmentation"))
class ClientBulkComponentTest {

    private static Map<String, Object> item(String externalId, String name, String amount, String currency) {
        return Map.of("source", "connectwise", "externalId", externalId, "name", name,
                "mrr", Map.of("amount", amount, "currency", currency));
    }

    private static final Map<String, Object> HARBOR = Map.of("source", "connectwise", "externalId", "19283",
            "name", "Harbor Dental Group", "mrr", Map.of("amount", "8000.00", "currency", "USD"),
            "contractRenewalDate", "2027-03-31", "fiscalYearEndMonth", 6,
            "contacts", List.of(Map.of("name", "Maya Chen", "email", "maya@harbor.example", "roles", List.of("EXEC_SPONSOR"))));

    @Test
    void e11ValidItemCreatedAndBadMoneyRejectedPerItemThenTheSameBatchChangesNothing() {
        UUID tenant = UUID.randomUUID();
        var body = Map.of("items", List.of(HARBOR, item("19311", "Pine Street Legal", "-50.00", "USD"),
                item("19312", "Crown Co", "10.00", "USX"), item("19313", "Euro Co", "10.00", "EUR")));
        as(tenant).body(body).post("/api/v1/clients/bulk").then().statusCode(200)
                .body("summary.received", equalTo(4)).body("summary.created", equalTo(1))
                .body("summary.rejected", equalTo(3))
                .body("items[0].status", equalTo("CREATED"))
                .body("items[1].problem.type", equalTo("/problems/validation-failed"))
                .body("items[1].problem.status", equalTo(400))
                .body("items[1].problem.errors[0].field", equalTo("items[1].mrr.amount"))
                .body("items[1].problem.errors[0].code", equalTo("negative"))
                .body("items[2].problem.errors[0].code", equalTo("unknown-currency"))
                .body("items[3].problem.errors[0].code", equalTo("currency-mismatch"));

        List<OutboxRows.Row> rows = OutboxRows.of("segmentation", tenant);
        assertThat(rows).extracting(OutboxRows.Row::type)
                .containsExactlyInAnyOrder(EventTypes.CLIENT_REGISTERED, EventTypes.SEGMENT_ASSIGNED);
        rows.forEach(ContractAssertions::assertValid);
        var registered = OutboxRows.of("segmentation", tenant, EventTypes.CLIENT_REGISTERED).get(0).envelope().at("/data");
        assertThat(registered.at("/contacts/0/name").asText()).isEqualTo("Maya Chen");
        assertThat(registered.at("/contacts/0").has("email")).isFalse();
        var assigned = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_ASSIGNED).get(0).envelope().at("/data");
        assertThat(assigned.at("/segment").asText()).isEqualTo("C");
        assertThat(assigned.at("/basis").asText()).isEqualTo("PROVISIONAL");
        assertThat(assigned.at("/provisional").asBoolean()).isTrue();
        assertThat(assigned.at("/mrrBand").asText()).isEqualTo("HIGH");
        assertThat(assigned.at("/tier").asText()).isEqualTo("PREMIUM");
        assertThat(assigned.at("/reason/code").asText()).isEqualTo("PROVISIONAL_DEFAULT");

        as(tenant).body(body).post("/api/v1/clients/bulk").then().statusCode(200)
                .body("items[0].status", equalTo("UNCHANGED")).body("summary.rejected", equalTo(3));
        assertThat(OutboxRows.of("segmentation", tenant)).hasSize(2);
    }

    @Test
    void e11RepeatedPsaIdentityAtTwoIndexesRefusesTheBatch() {
        UUID tenant = UUID.randomUUID();
        var body = Map.of("items", List.of(HARBOR, item("1", "A", "1.00", "USD"), item("2", "B", "1.00", "USD"), HARBOR));
        as(tenant).body(body).post("/api/v1/clients/bulk").then().statusCode(400)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", contains("items[0].externalId", "items[3].externalId"))
                .body("errors[0].code", equalTo("duplicate-in-batch"));
        assertThat(OutboxRows.of("segmentation", tenant)).isEmpty();
    }

    @Test
    void moreThanFiveThousandItemsIsABatchFault() {
        var items = java.util.stream.IntStream.range(0, 5001).mapToObj(i -> item("x" + i, "N", "1.00", "USD")).toList();
        as(UUID.randomUUID()).body(Map.of("items", items)).post("/api/v1/clients/bulk").then().statusCode(400)
                .body("type", equalTo("/problems/bulk-limit-exceeded"));
    }

    @Test
    void onlySentFieldsChangeAndMrrChangeReBandsTheClient() {
        UUID tenant = UUID.randomUUID();
        String id = as(tenant).body(Map.of("items", List.of(HARBOR))).post("/api/v1/clients/bulk").then().statusCode(200)
                .extract().path("items[0].id");
        as(tenant).body(Map.of("items", List.of(Map.of("source", "connectwise", "externalId", "19283",
                        "mrr", Map.of("amount", 12000, "currency", "USD"), "industry", "Dental"))))
                .post("/api/v1/clients/bulk").then().statusCode(200)
                .body("items[0].status", equalTo("UPDATED"))
                .body("items[0].changedFields", contains("mrr", "industry"));
        as(tenant).get("/api/v1/clients/" + id).then().statusCode(200)
                .body("name", equalTo("Harbor Dental Group"))
                .body("fiscalYearEndMonth", equalTo(6))
                .body("mrr.amount", equalTo("12000.00"))
                .body("contacts", hasSize(1))
                .body("segment.mrrBand", equalTo("VIP"))
                .body("segment.tier", equalTo("BOUTIQUE"));
        List<OutboxRows.Row> assigned = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_ASSIGNED);
        assertThat(assigned).hasSize(2);
        ContractAssertions.assertValid(assigned.get(1));
        assertThat(assigned.get(1).envelope().at("/data/changed").toString()).contains("mrrBand", "tier");
    }

    @Test
    void twoExecutiveSponsorsRejectTheItem() {
        UUID tenant = UUID.randomUUID();
        var item = Map.of("source", "manual", "externalId", "s1", "name", "Sponsors Inc",
                "mrr", Map.of("amount", "1.00", "currency", "USD"),
                "contacts", List.of(Map.of("name", "A", "roles", List.of("EXEC_SPONSOR")),
                        Map.of("name", "B", "roles", List.of("EXEC_SPONSOR"))));
        as(tenant).body(Map.of("items", List.of(item))).post("/api/v1/clients/bulk").then().statusCode(200)
                .body("items[0].status", equalTo("REJECTED"))
                .body("items[0].problem.errors[0].code", equalTo("one-exec-sponsor"));
    }

    @Test
    void patchMergesFieldsAndRefusesPsaIdentity() {
        UUID tenant = UUID.randomUUID();
        String id = as(tenant).body(Map.of("items", List.of(HARBOR))).post("/api/v1/clients/bulk").then().statusCode(200)
                .extract().path("items[0].id");
        as(tenant).body(Map.of("externalId", "other")).patch("/api/v1/clients/" + id).then().statusCode(400)
                .body("errors[0].code", equalTo("immutable"));
        as(tenant).body("{\"contractRenewalDate\": null, \"status\": \"CHURNED\"}").patch("/api/v1/clients/" + id).then()
                .statusCode(200).body("contractRenewalDate", nullValue()).body("status", equalTo("CHURNED"));
        List<OutboxRows.Row> updates = OutboxRows.of("segmentation", tenant, EventTypes.CLIENT_UPDATED);
        assertThat(updates).hasSize(1);
        ContractAssertions.assertValid(updates.get(0));
        as(tenant).get("/api/v1/clients").then().body("items", hasSize(0));
        as(tenant).get("/api/v1/clients?status=CHURNED").then().body("items", hasSize(1));
        as(tenant).body(Map.of("mrr", Map.of("amount", "-1", "currency", "USD"))).patch("/api/v1/clients/" + id).then()
                .statusCode(400).body("errors[0].code", equalTo("negative"));
        as(tenant).body(Map.of("name", "X")).patch("/api/v1/clients/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("/problems/client-not-found"));
    }

    @Test
    void listFiltersBySegmentBandAndPsaId() {
        UUID tenant = UUID.randomUUID();
        as(tenant).body(Map.of("items", List.of(HARBOR, item("small", "Small Co", "100.00", "USD"))))
                .post("/api/v1/clients/bulk").then().statusCode(200);
        as(tenant).get("/api/v1/clients?mrrBand=LOW").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].name", equalTo("Small Co"));
        as(tenant).get("/api/v1/clients?segment=C&provisional=true").then().body("items", hasSize(2));
        as(tenant).get("/api/v1/clients?segment=A").then().body("items", hasSize(0));
        as(tenant).get("/api/v1/clients?source=connectwise&externalId=19283").then()
                .body("items", hasSize(1)).body("items[0].name", equalTo("Harbor Dental Group"));
        as(tenant).get("/api/v1/clients?missingRole=CSM").then().body("items", hasSize(2));
        as(tenant).get("/api/v1/clients?segment=Z").then().statusCode(400).body("errors[0].code", equalTo("enum"));
        as(tenant).get("/api/v1/clients?limit=1").then().body("items", hasSize(1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aViewerCannotWriteClients() {
        as(UUID.randomUUID(), "VIEWER").body(Map.of("items", List.of(HARBOR))).post("/api/v1/clients/bulk").then()
                .statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void anIntegrationKeyWithClientsWriteMayUpsert() {
        as(UUID.randomUUID(), "clients:write").body(Map.of("items", List.of(HARBOR))).post("/api/v1/clients/bulk").then()
                .statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void e3EqualRevenueBandsAreSetAcrossTheTenant() {
        UUID tenant = UUID.randomUUID();
        Map<String, Object> policy = as(tenant).get("/api/v1/segmentation/policy").then().extract().as(Map.class);
        var bands = new java.util.HashMap<>((Map<String, Object>) policy.get("mrrBands"));
        bands.put("method", "EQUAL_REVENUE");
        var changed = new java.util.HashMap<>(policy);
        changed.put("mrrBands", bands);
        as(tenant).body(changed).put("/api/v1/segmentation/policy").then().statusCode(200).body("version", equalTo(2));
        String[] names = {"P", "Q", "R", "S", "T", "U", "V"};
        String[] mrr = {"12000.00", "8000.00", "6000.00", "4000.00", "3000.00", "2000.00", "1000.00"};
        var items = java.util.stream.IntStream.range(0, names.length)
                .mapToObj(i -> item(names[i], names[i], mrr[i], "USD")).toList();
        as(tenant).body(Map.of("items", items)).post("/api/v1/clients/bulk").then().statusCode(200)
                .body("summary.created", equalTo(7));
        as(tenant).get("/api/v1/clients?mrrBand=VIP").then().body("items.name", contains("P"));
        as(tenant).get("/api/v1/clients?mrrBand=HIGH").then().body("items.name", contains("Q"));
        as(tenant).get("/api/v1/clients?mrrBand=MID").then().body("items", hasSize(2));
        as(tenant).get("/api/v1/clients?mrrBand=LOW").then().body("items", hasSize(3));
        OutboxRows.of("segmentation", tenant).forEach(ContractAssertions::assertValid);
    }
}
