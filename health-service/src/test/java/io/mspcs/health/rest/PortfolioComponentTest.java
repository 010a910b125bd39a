package io.mspcs.health.rest;

import io.mspcs.health.support.RegisteredClients;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.mspcs.health.rest.SignalIngestComponentTest.bulk;
import static io.mspcs.health.rest.SignalIngestComponentTest.item;
import static io.mspcs.platformtest.TenantApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The portfolio's gate and dimension filters and its summary (health.md §6). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class PortfolioComponentTest {

    @Test
    void theSummaryCountsSegmentsByColourCompositeBandsAndIncompleteClients() {
        UUID tenant = UUID.randomUUID();
        UUID scored = HealthScoringComponentTest.scoredHarborDental(tenant);
        UUID gated = gatedClient(tenant);
        RegisteredClients.registerInSegment(tenant, "Bayside Law", "B");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(tenant, "VIEWER")
                .get("/api/v1/health/portfolio/summary").then().statusCode(200)
                .body("clients", equalTo(3)).body("incomplete", equalTo(2))
                .body("bySegment.C.GREEN", equalTo(1)).body("bySegment.C.NONE", equalTo(1))
                .body("bySegment.B.NONE", equalTo(1)).body("bySegment.B.RED", equalTo(0))
                .body("compositeBands.'81-100'", equalTo(1)).body("compositeBands.'61-80'", equalTo(0)));

        as(tenant).get("/api/v1/health/portfolio?gate=FIX_FIRST").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].clientId", equalTo(gated.toString()))
                .body("items[0].openGates", equalTo(1));
        as(tenant).get("/api/v1/health/portfolio?gate=SEQUENCING&segment=C").then().statusCode(200)
                .body("items", hasSize(0));
        // CX: the two clients without sponsor contact for 120 days are RED (50.00), Harbor Dental YELLOW (80.00)
        as(tenant).get("/api/v1/health/portfolio?dimension=CX").then().statusCode(200)
                .body("items", hasSize(3)).body("items[2].clientId", equalTo(scored.toString()))
                .body("items[0].dimensions.CX.color", equalTo("RED"))
                .body("items[2].dimensions.CX.score", equalTo(80.00f))
                .body("items[2].dimensions.ADOPTION.score", equalTo(76.56f));
        as(tenant).get("/api/v1/health/portfolio?dimension=CX&color=YELLOW").then().statusCode(200)
                .body("items.clientId", equalTo(List.of(scored.toString())));
        as(tenant).get("/api/v1/health/portfolio?dimension=MOOD").then().statusCode(400)
                .body("errors[0].field", equalTo("dimension"));
        as(tenant).get("/api/v1/health/portfolio?gate=OPEN").then().statusCode(400)
                .body("errors[0].field", equalTo("gate"));
    }

    /** A segment C client whose MFA (0.55) is below its 0.60 gate: FIX_FIRST opens. */
    private static UUID gatedClient(UUID tenant) {
        UUID client = RegisteredClients.registerInSegment(tenant, "Northwind Dental", "C");
        bulk(tenant, "ninjaone", List.of(item("externalId", "mfa-g", "type", "MFA_COVERAGE", "clientId", client.toString(),
                "observedAt", "2026-11-20T13:55:00Z", "numerator", 33, "denominator", 60))).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(tenant)
                .get("/api/v1/clients/" + client + "/health/gates").then().statusCode(200)
                .body("gates.find { it.gate == 'FIX_FIRST' }.status", equalTo("OPEN")));
        return client;
    }
}
