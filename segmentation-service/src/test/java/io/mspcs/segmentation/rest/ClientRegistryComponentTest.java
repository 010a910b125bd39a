package io.mspcs.segmentation.rest;

import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.RowLevelSecurity;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "segmentation"))
class ClientRegistryComponentTest {

    private static Map<String, Object> client(String externalId, String name, String amount) {
        return Map.of("externalId", externalId, "name", name, "status", "ACTIVE",
                "mrr", Map.of("amount", amount, "currency", "USD"), "contractRenewalDate", "2027-03-31",
                "fiscalYearEndMonth", 12);
    }

    private static Map<String, Object> batch(Object... items) {
        return Map.of("source", "connectwise", "items", List.of(items));
    }

    @Test
    void registersNewClientsOnceAndEmitsValidClientRegistered() {
        UUID tenant = UUID.randomUUID();
        var body = batch(client("19283", "Harbor Dental", "4200.00"), client("19284", "Keel Logistics", "900"));

        as(tenant).header("X-Correlation-Id", "corr-registration-1").body(body).post("/api/v1/clients/bulk").then()
                .statusCode(200)
                .body("summary.created", equalTo(2))
                .body("items[0].status", equalTo("CREATED"))
                .body("items[0].clientId", notNullValue());

        List<OutboxRows.Row> rows = OutboxRows.of("segmentation", tenant);
        // One transaction: the rows' order inside it is not asserted (OutboxRows orders by ctid).
        assertThat(rows).extracting(OutboxRows.Row::type).containsExactlyInAnyOrder(EventTypes.CLIENT_REGISTERED,
                EventTypes.SEGMENT_ASSIGNED, EventTypes.CLIENT_REGISTERED, EventTypes.SEGMENT_ASSIGNED);
        rows.forEach(ContractAssertions::assertValid);
        assertThat(rows).extracting(OutboxRows.Row::correlationId).containsOnly("corr-registration-1");
        assertThat(OutboxRows.of("segmentation", tenant, EventTypes.CLIENT_REGISTERED))
                .extracting(row -> row.envelope().at("/data/mrr/amount").asText()).containsExactlyInAnyOrder("4200.00", "900.00");

        as(tenant).body(body).post("/api/v1/clients/bulk").then()
                .statusCode(200).body("summary.unchanged", equalTo(2)).body("summary.created", equalTo(0));
        assertThat(OutboxRows.of("segmentation", tenant)).hasSize(4);
    }

    @Test
    void updatesByExternalIdAndEmitsOnlyTheChange() {
        UUID tenant = UUID.randomUUID();
        String clientId = as(tenant).body(batch(client("77", "Harbor Dental", "4200.00"))).post("/api/v1/clients/bulk")
                .then().statusCode(200).extract().path("items[0].clientId");

        as(tenant).body(batch(client("77", "Harbor Dental", "4800.00"))).post("/api/v1/clients/bulk").then()
                .statusCode(200).body("items[0].status", equalTo("UPDATED")).body("items[0].clientId", equalTo(clientId));

        List<OutboxRows.Row> updates = OutboxRows.of("segmentation", tenant, EventTypes.CLIENT_UPDATED);
        assertThat(updates).hasSize(1);
        ContractAssertions.assertValid(updates.get(0));
        assertThat(updates.get(0).envelope().at("/data/changes").fieldNames()).toIterable().containsExactly("mrr");
        assertThat(updates.get(0).envelope().at("/data/changes/mrr/to/amount").asText()).isEqualTo("4800.00");
        as(tenant).get("/api/v1/clients/" + clientId).then().statusCode(200).body("mrr.amount", equalTo("4800.00"));
    }

    @Test
    void rejectsBadItemsOneByOneAndKeepsTheGoodOnes() {
        UUID tenant = UUID.randomUUID();
        var negative = client("1", "Negative Ltd", "-5.00");
        var badCurrency = Map.of("externalId", "2", "name", "Crown Co", "mrr", Map.of("amount", "10", "currency", "XXY"));
        as(tenant).body(batch(negative, badCurrency, client("3", "Good Co", "100"))).post("/api/v1/clients/bulk").then()
                .statusCode(200)
                .body("summary.rejected", equalTo(2)).body("summary.created", equalTo(1))
                .body("items[0].status", equalTo("REJECTED"))
                .body("items[0].problem.errors[0].field", equalTo("items[0].mrr.amount"))
                .body("items[1].problem.errors[0].code", equalTo("unknown-currency"))
                .body("items[2].status", equalTo("CREATED"));
        assertThat(OutboxRows.of("segmentation", tenant, EventTypes.CLIENT_REGISTERED)).hasSize(1);
    }

    @Test
    void refusesABatchWithDuplicateExternalIdsOnEveryIndexAndWritesNothing() {
        UUID tenant = UUID.randomUUID();
        as(tenant).body(batch(client("9", "One", "1"), client("10", "Other", "1"), client("9", "Two", "2")))
                .post("/api/v1/clients/bulk").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", org.hamcrest.Matchers.contains("items[0].externalId", "items[2].externalId"))
                .body("errors.code", org.hamcrest.Matchers.everyItem(equalTo("duplicate-in-batch")));
        as(tenant).get("/api/v1/clients").then().statusCode(200).body("items", hasSize(0));
        assertThat(OutboxRows.of("segmentation", tenant)).isEmpty();
    }

    @Test
    void answersMalformedJsonWithProblemJson() {
        as(UUID.randomUUID()).body("{\"source\": \"connectwise\", \"items\": [").post("/api/v1/clients/bulk").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body("correlationId", notNullValue());
    }

    @Test
    void neverShowsAClientToAnotherTenant() {
        UUID owner = UUID.randomUUID();
        String clientId = as(owner).body(batch(client("5", "Private Co", "10"))).post("/api/v1/clients/bulk")
                .then().statusCode(200).extract().path("items[0].clientId");

        as(UUID.randomUUID()).get("/api/v1/clients/" + clientId).then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/client-not-found"));
        as(UUID.randomUUID()).get("/api/v1/clients").then().statusCode(200).body("items", hasSize(0));
    }

    /** Security case #13: the database itself confines the service's role to the tenant its transaction names. */
    @Test
    void rowLevelSecurityHidesEveryTenantRowFromAQueryThatNamesNoTenant() {
        UUID tenant = UUID.randomUUID();
        as(tenant).body(batch(client("13", "Quiet Harbor Legal", "2500.00"))).post("/api/v1/clients/bulk")
                .then().statusCode(200);
        as(UUID.randomUUID()).body(batch(client("13", "Other Tenant Co", "900.00"))).post("/api/v1/clients/bulk")
                .then().statusCode(200);

        RowLevelSecurity.assertTenantTablesIsolated("segmentation", tenant, 2);
    }

    @Test
    void refusesRequestsThatDidNotComeThroughTheGateway() {
        RestAssured.given().contentType(ContentType.JSON).header("X-Tenant-Id", UUID.randomUUID().toString())
                .get("/api/v1/clients").then()
                .statusCode(401).contentType("application/problem+json").body("type", equalTo("/problems/unauthenticated"));
    }
}
