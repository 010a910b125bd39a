package io.mspcs.cadence.rest;

import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.cadence.support.Publishing;
import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.mspcs.platformtest.RowLevelSecurity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class CtaApiComponentTest {

    @Inject
    MutableClock clock;

    /** Opens one AD-T9 CTA per client through a real DmiDropped and answers the CTA ids. */
    private String[] openCtas(UUID tenant, UUID... clients) {
        clock.set(Instant.parse("2026-11-20T14:03:13.112Z"));
        try (EventPublisher publisher = EventPublisher.forSharedInfra()) {
            for (UUID client : clients) {
                publisher.publish(TestEvents.dmiDropped(tenant, client, UUID.randomUUID(), 74.0, 61.5, "C",
                        Instant.parse("2026-11-20T14:03:12.481Z"), "corr-api"));
            }
        }
        await().atMost(ConsumedEvents.PATIENCE)
                .until(() -> OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).size() == clients.length);
        return OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).stream()
                .map(row -> row.envelope().at("/data/ctaId").asText()).toArray(String[]::new);
    }

    @Test
    void neverShowsACtaOrItsClientToAnotherTenant() {
        UUID owner = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        String ctaId = openCtas(owner, client)[0];
        UUID stranger = UUID.randomUUID();

        as(owner).get("/api/v1/ctas/" + ctaId).then().statusCode(200).body("ctaId", equalTo(ctaId));
        as(stranger).get("/api/v1/ctas/" + ctaId).then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        as(stranger).get("/api/v1/clients/" + client + "/ctas").then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        as(stranger).get("/api/v1/ctas").then().statusCode(200).body("items", hasSize(0));
        as(stranger).get("/api/v1/ctas?clientId=" + client).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void listsTheOpenCtasByDefaultAndFiltersByStatusKindAndClient() {
        UUID tenant = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        openCtas(tenant, first, second);

        as(tenant).get("/api/v1/ctas").then().statusCode(200).body("items", hasSize(2)).body("nextCursor", nullValue());
        as(tenant).get("/api/v1/ctas?clientId=" + first).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].clientId", equalTo(first.toString()))
                .body("items[0].kind", equalTo("REMEDIATION"))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].dueAt", equalTo("2026-11-27T17:00:00Z"));
        as(tenant).get("/api/v1/ctas?kind=REMEDIATION&status=OPEN").then().statusCode(200).body("items", hasSize(2));
        as(tenant).get("/api/v1/ctas?kind=HEALTH").then().statusCode(200).body("items", hasSize(0));
        as(tenant).get("/api/v1/ctas?status=CLOSED").then().statusCode(200).body("items", hasSize(0));
        as(tenant).get("/api/v1/clients/" + second + "/ctas").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].clientId", equalTo(second.toString()));
    }

    @Test
    void pagesWithACursor() {
        UUID tenant = UUID.randomUUID();
        openCtas(tenant, UUID.randomUUID(), UUID.randomUUID());

        String cursor = as(tenant).get("/api/v1/ctas?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        String firstId = as(tenant).get("/api/v1/ctas?limit=1").then().extract().path("items[0].ctaId");
        String secondId = as(tenant).get("/api/v1/ctas?limit=1&cursor=" + cursor).then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].ctaId");
        assertThat(secondId).isNotEqualTo(firstId);
    }

    @Test
    void answersBadFiltersWithProblemJson() {
        UUID tenant = UUID.randomUUID();
        as(tenant).get("/api/v1/ctas?status=SOMETIMES").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("status"));
        as(tenant).get("/api/v1/ctas?clientId=not-a-uuid").then()
                .statusCode(400).body("errors[0].field", equalTo("clientId"));
        as(tenant).get("/api/v1/ctas?limit=501").then().statusCode(400);
    }

    @Test
    void answersUnknownIdsWithNotFound() {
        UUID tenant = UUID.randomUUID();
        as(tenant).get("/api/v1/ctas/" + UUID.randomUUID()).then()
                .statusCode(404).body("type", equalTo("/problems/not-found"));
        as(tenant).get("/api/v1/clients/" + UUID.randomUUID() + "/ctas").then().statusCode(404);
    }

    @Test
    void refusesRequestsThatDidNotComeThroughTheGateway() {
        RestAssured.given().contentType(ContentType.JSON).header("X-Tenant-Id", UUID.randomUUID().toString())
                .get("/api/v1/ctas").then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * Security case #13: a tenant's read model, cadence, meetings and CTAs are confined by the database itself to the
     * transactions that name that tenant.
     */
    @Test
    void rowLevelSecurityHidesEveryTenantRowFromAQueryThatNamesNoTenant() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clientWithMeetingAndCta(tenant, client);
        clientWithMeetingAndCta(UUID.randomUUID(), UUID.randomUUID());

        RowLevelSecurity.assertTenantTablesIsolated("cadence", tenant, 6);
    }

    private void clientWithMeetingAndCta(UUID tenant, UUID client) {
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        Instant registered = Instant.parse("2026-10-01T10:00:00Z");
        Publishing.publishAndAwait(TestEvents.ownerAssigned(tenant, client, "CSM", UUID.randomUUID(), null, registered));
        Publishing.publishAndAwait(TestEvents.clientRegistered(tenant, client, "Harbor Dental", "ACTIVE", registered));
        Publishing.publishAndAwait(TestEvents.segmentAssigned(tenant, client, "B", registered.plusSeconds(1)));
        as(tenant).contentType(ContentType.JSON)
                .body(Map.of("meetingType", "QBR", "scheduledFor", "2026-12-02T15:00:00Z"))
                .post("/api/v1/clients/" + client + "/meetings").then().statusCode(201);
        as(tenant).contentType(ContentType.JSON).body(Map.of("kind", "EXPANSION", "title", "Upsell", "priority",
                        "HIGH", "ownerRole", "CSM", "dueAt", "2026-12-01T17:00:00Z"))
                .post("/api/v1/clients/" + client + "/ctas").then().statusCode(201);
    }
}
