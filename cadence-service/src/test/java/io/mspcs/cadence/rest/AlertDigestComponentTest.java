package io.mspcs.cadence.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.cadence.support.Publishing.publishAndAwait;
import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** cadence.md §5.7 and worked example E9: the per-owner alert budget, the digest event and GET /ctas/digest. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class AlertDigestComponentTest {

    @Inject
    MutableClock clock;

    @Test
    void e9AnEleventhHighCtaWaitsForTheDigestACriticalOneNotifiesAtOnceAndTheDigestListsTheEleventh() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID dana = UUID.randomUUID();
        clientOwnedBy(tenant, client, dana);

        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        for (int i = 1; i <= 10; i++) {
            openManual(tenant, client, "HIGH", "High " + i);
        }
        String eleventh = openManual(tenant, client, "HIGH", "High 11");
        String critical = openManual(tenant, client, "CRITICAL", "Critical one");

        List<OutboxRows.Row> opened = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED);
        assertThat(opened).hasSize(12);
        opened.forEach(ContractAssertions::assertValid);
        for (int i = 0; i < 10; i++) {
            assertThat(opened.get(i).envelope().at("/data/notification").asText()).isEqualTo("IMMEDIATE");
        }
        assertThat(opened.get(10).envelope().at("/data/ctaId").asText()).isEqualTo(eleventh);
        assertThat(opened.get(10).envelope().at("/data/notification").asText()).isEqualTo("DIGEST");
        assertThat(opened.get(11).envelope().at("/data/ctaId").asText()).isEqualTo(critical);
        assertThat(opened.get(11).envelope().at("/data/notification").asText()).isEqualTo("IMMEDIATE");

        // Before 07:30 the endpoint shows what the digest holds so far.
        as(tenant).get("/api/v1/ctas/digest?memberId=" + dana + "&date=2026-11-27").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].ctaId", equalTo(eleventh));

        clock.set(Instant.parse("2026-11-27T07:30:00Z"));
        // The digest timer is the only one due (the CTAs' SLA timers come later).
        as(tenant).queryParam("tenantId", tenant.toString()).post("/admin/sweep").then().statusCode(200)
                .body("timersFired", equalTo(1)).body("events.'" + EventTypes.CTA_DIGEST_READY + "'", equalTo(1));
        List<OutboxRows.Row> digests = OutboxRows.of("cadence", tenant, EventTypes.CTA_DIGEST_READY);
        assertThat(digests).hasSize(1);
        ContractAssertions.assertValid(digests.get(0));
        JsonNode envelope = digests.get(0).envelope();
        assertThat(envelope.get("subject").asText()).isEqualTo(dana.toString());
        JsonNode data = envelope.get("data");
        assertThat(data.get("memberId").asText()).isEqualTo(dana.toString());
        assertThat(data.get("date").asText()).isEqualTo("2026-11-27");
        assertThat(data.get("items")).hasSize(1);
        assertThat(data.at("/items/0/ctaId").asText()).isEqualTo(eleventh);
        assertThat(data.at("/items/0/clientId").asText()).isEqualTo(client.toString());
        assertThat(data.at("/items/0/priority").asText()).isEqualTo("HIGH");
        assertThat(data.at("/items/0/title").asText()).isEqualTo("High 11");
        assertThat(data.at("/items/0/dueAt").asText()).isEqualTo("2026-12-10T17:00:00Z");
        assertThat(data.at("/items/0/change").asText()).isEqualTo("OPENED");
        // Budget use of the window: the ten HIGH and the CRITICAL notified at once.
        assertThat(data.get("immediateUsed").asInt()).isEqualTo(11);
        assertThat(data.get("budget").asInt()).isEqualTo(10);

        // The endpoint answers the same content; a second sweep at the same instant emits no second digest.
        as(tenant).get("/api/v1/ctas/digest?memberId=" + dana + "&date=2026-11-27").then().statusCode(200)
                .body("memberId", equalTo(dana.toString())).body("date", equalTo("2026-11-27"))
                .body("items", hasSize(1)).body("items[0].ctaId", equalTo(eleventh))
                .body("items[0].change", equalTo("OPENED"))
                .body("immediateUsed", equalTo(11)).body("budget", equalTo(10));
        as(tenant).queryParam("tenantId", tenant.toString()).post("/admin/sweep").then().statusCode(200)
                .body("timersFired", equalTo(0));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_DIGEST_READY)).hasSize(1);
    }

    @Test
    void theBudgetIsPerLocalDaySoTheNextDayNotifiesAtOnceAgain() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID dana = UUID.randomUUID();
        clientOwnedBy(tenant, client, dana);
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        for (int i = 1; i <= 10; i++) {
            openManual(tenant, client, "HIGH", "High " + i);
        }
        clock.set(Instant.parse("2026-11-27T09:00:00Z"));
        openManual(tenant, client, "HIGH", "Next day");

        List<OutboxRows.Row> opened = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED);
        assertThat(opened.get(10).envelope().at("/data/notification").asText()).isEqualTo("IMMEDIATE");
    }

    @Test
    void aDigestQueryWithoutMemberOrWithABadDateIsAProblem() {
        UUID tenant = UUID.randomUUID();
        as(tenant).get("/api/v1/ctas/digest?date=2026-11-27").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/validation-failed"));
        as(tenant).get("/api/v1/ctas/digest?memberId=" + UUID.randomUUID() + "&date=2026-13-01").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/validation-failed"));
        as(tenant).get("/api/v1/ctas/digest?memberId=not-a-uuid&date=2026-11-27").then().statusCode(400)
                .contentType("application/problem+json");
        as(tenant).get("/api/v1/ctas/digest?memberId=" + UUID.randomUUID() + "&date=2026-11-27").then()
                .statusCode(200).body("items", hasSize(0)).body("immediateUsed", equalTo(0));
        assertThat(OutboxRows.of("cadence", tenant)).isEmpty();
    }

    /** An existing client (registered the day before the tenant was first seen) with Dana as CSM; no date triggers. */
    private void clientOwnedBy(UUID tenant, UUID client, UUID dana) {
        clock.set(Instant.parse("2026-11-26T08:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body("{\"enabled\": false}").patch("/api/v1/trigger-rules/T-FYE")
                .then().statusCode(200);
        publishAndAwait(TestEvents.ownerAssigned(tenant, client, "CSM", dana, null, Instant.parse("2026-11-25T10:00:00Z")));
        publishAndAwait(TestEvents.clientRegistered(tenant, client, "Acme", "ACTIVE", Instant.parse("2026-11-25T10:00:00Z")));
    }

    private String openManual(UUID tenant, UUID client, String priority, String title) {
        return as(tenant).contentType(ContentType.JSON)
                .body(Map.of("kind", "ENGAGEMENT", "title", title, "priority", priority, "ownerRole", "CSM",
                        "dueAt", "2026-12-10T17:00:00Z"))
                .post("/api/v1/clients/" + client + "/ctas").then().statusCode(201).extract().path("ctaId");
    }
}
