package io.mspcs.cadence.rest;

import io.mspcs.cadence.support.TestEvents;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.cadence.support.Publishing.publishAndAwait;
import static io.mspcs.platformtest.TenantApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** cadence.md §8.1 GET /meetings/radar: past-due open slots and the 30-day coverage KPI (§2.3). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class MeetingRadarComponentTest {

    @Inject
    MutableClock clock;

    @Test
    void listsPastDueSlotsAndCountsSlotsDueWithin30DaysWithAConfirmedMeeting() {
        UUID tenant = UUID.randomUUID();
        UUID dana = UUID.randomUUID();
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        // Provisional segment C, quarterly QBR anchored on the registration date.
        UUID late = register(tenant, "2026-08-10T10:00:00Z");          // due 2026-11-10, in grace until 11-24
        UUID soon = register(tenant, "2026-09-01T10:00:00Z");          // due 2026-12-01
        UUID covered = register(tenant, "2026-09-05T10:00:00Z");       // due 2026-12-05, meeting confirmed
        register(tenant, "2026-11-19T10:00:00Z");                      // due 2027-02-19: beyond 30 days
        publishAndAwait(TestEvents.ownerAssigned(tenant, late, "CSM", dana, null, Instant.parse("2026-11-19T10:00:00Z")));
        as(tenant).contentType(ContentType.JSON).body(Map.of("meetingType", "QBR", "scheduledFor", "2026-12-03T15:00:00Z"))
                .post("/api/v1/clients/" + covered + "/meetings").then().statusCode(201);

        as(tenant).get("/api/v1/meetings/radar").then().statusCode(200)
                .body("asOf", equalTo("2026-11-20"))
                .body("pastDue", hasSize(1))
                .body("pastDue[0].clientId", equalTo(late.toString()))
                .body("pastDue[0].meetingType", equalTo("QBR"))
                .body("pastDue[0].dueDate", equalTo("2026-11-10"))
                .body("pastDue[0].windowEnd", equalTo("2026-11-24"))
                .body("pastDue[0].daysPastDue", equalTo(10))
                .body("pastDue[0].ownerMemberId", equalTo(dana.toString()))
                .body("coverage.dueWithin30Days", equalTo(2))
                .body("coverage.withConfirmedMeeting", equalTo(1))
                .body("coverage.ratio", equalTo(0.5f))
                .body("uncovered", hasSize(1))
                .body("uncovered[0].clientId", equalTo(soon.toString()));

        as(tenant).get("/api/v1/meetings/radar?ownerMemberId=" + dana).then().statusCode(200)
                .body("pastDue", hasSize(1)).body("coverage.dueWithin30Days", equalTo(0));
        as(tenant).get("/api/v1/meetings/radar?segment=A").then().statusCode(200)
                .body("pastDue", hasSize(0)).body("coverage.dueWithin30Days", equalTo(0));
    }

    @Test
    void anUnknownSegmentOrABadOwnerIdIsAProblem() {
        UUID tenant = UUID.randomUUID();
        as(tenant).get("/api/v1/meetings/radar?segment=Z").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/validation-failed"));
        as(tenant).get("/api/v1/meetings/radar?ownerMemberId=dana").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/validation-failed"));
    }

    private UUID register(UUID tenant, String registeredAt) {
        UUID client = UUID.randomUUID();
        publishAndAwait(TestEvents.clientRegistered(tenant, client, "Client " + registeredAt, "ACTIVE",
                Instant.parse(registeredAt)));
        return client;
    }
}
