package io.mspcs.cadence.rest;

import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventEnvelope;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.cadence.support.Publishing.publishAndAwait;
import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** cadence.md §8.2 POST /meetings/bulk: PSA and calendar items by (source, externalId), per-item results. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class MeetingBulkComponentTest {

    @Inject
    MutableClock clock;

    @Test
    void createsUpdatesAndRejectsItemByItemAndAHeldItemCountsOnceItsRecapIsIn() {
        UUID tenant = UUID.randomUUID();
        UUID client = knownClient(tenant);
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));

        List<Map<String, Object>> items = List.of(
                item("CONNECTWISE", "cw-1", client, "QBR", "2026-12-03T15:00:00Z"),
                held(item("OUTLOOK", "ev-9", client, "QBR", "2026-11-19T15:00:00Z"), "2026-11-19T15:00:00Z"),
                item("CONNECTWISE", "cw-2", client, "QBR", null),
                item("CONNECTWISE", "cw-3", UUID.randomUUID(), "QBR", "2026-12-03T15:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("items", items)).post("/api/v1/meetings/bulk")
                .then().statusCode(200)
                .body("summary.CREATED", equalTo(2)).body("summary.REJECTED", equalTo(2))
                .body("items[0].status", equalTo("CREATED")).body("items[0].source", equalTo("CONNECTWISE"))
                .body("items[0].externalId", equalTo("cw-1")).body("items[0].problem", nullValue())
                .body("items[1].status", equalTo("CREATED"))
                .body("items[2].status", equalTo("REJECTED"))
                .body("items[2].problem.type", equalTo("/problems/validation-failed"))
                .body("items[2].problem.errors[0].field", equalTo("items[2].scheduledFor"))
                .body("items[3].status", equalTo("REJECTED"))
                .body("items[3].problem.type", equalTo("/problems/not-found"));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.MEETING_SCHEDULED)).hasSize(2)
                .allSatisfy(ContractAssertions::assertValid);
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.MEETING_HELD)).hasSize(1)
                .allSatisfy(ContractAssertions::assertValid);

        // The same items again change nothing; a moved time is an update with its MeetingScheduled.
        List<Map<String, Object>> again = List.of(
                item("CONNECTWISE", "cw-1", client, "QBR", "2026-12-04T15:00:00Z"),
                held(item("OUTLOOK", "ev-9", client, "QBR", "2026-11-19T15:00:00Z"), "2026-11-19T15:00:00Z"));
        String heldId = as(tenant).contentType(ContentType.JSON).body(Map.of("items", again))
                .post("/api/v1/meetings/bulk").then().statusCode(200)
                .body("items[0].status", equalTo("UPDATED")).body("items[1].status", equalTo("UNCHANGED"))
                .extract().path("items[1].meetingId");
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.MEETING_SCHEDULED)).hasSize(3);
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.MEETING_HELD)).hasSize(1);

        // The imported held meeting takes its recap like a recorded one and then counts.
        as(tenant).contentType(ContentType.JSON).body(Map.of("decided", "Keep the QBR rhythm"))
                .post("/api/v1/meetings/" + heldId + "/recap").then().statusCode(201)
                .body("onTime", equalTo(true)).body("counts", equalTo(true));
    }

    @Test
    void aHeldMeetingCannotGoBackToScheduledAndTheItemWritesNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = knownClient(tenant);
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        as(tenant).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(held(item("PSA", "1", client, "QBR", "2026-11-19T15:00:00Z"),
                        "2026-11-19T15:00:00Z"))))
                .post("/api/v1/meetings/bulk").then().statusCode(200).body("items[0].status", equalTo("CREATED"));
        int rows = OutboxRows.of("cadence", tenant).size();

        as(tenant).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(item("PSA", "1", client, "QBR", "2026-11-25T15:00:00Z"))))
                .post("/api/v1/meetings/bulk").then().statusCode(200)
                .body("items[0].status", equalTo("REJECTED"))
                .body("items[0].problem.type", equalTo("/problems/invalid-transition"));
        assertThat(OutboxRows.of("cadence", tenant)).hasSize(rows);
    }

    @Test
    void aBatchOverTheLimitOrWithARepeatedKeyIsRefusedWholeAndAViewerMayNotImport() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            tooMany.add(item("PSA", "m-" + i, client, "QBR", "2026-12-03T15:00:00Z"));
        }
        as(tenant).contentType(ContentType.JSON).body(Map.of("items", tooMany)).post("/api/v1/meetings/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/bulk-limit-exceeded"));
        List<Map<String, Object>> repeated = List.of(item("PSA", "x", client, "QBR", "2026-12-03T15:00:00Z"),
                item("PSA", "x", client, "QBR", "2026-12-04T15:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("items", repeated)).post("/api/v1/meetings/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"));
        as(tenant, "VIEWER").contentType(ContentType.JSON).body(Map.of("items", repeated))
                .post("/api/v1/meetings/bulk").then().statusCode(403);
        assertThat(OutboxRows.of("cadence", tenant)).isEmpty();
    }

    private UUID knownClient(UUID tenant) {
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        EventEnvelope registered = TestEvents.clientRegistered(tenant, client, "Acme", "ACTIVE",
                Instant.parse("2026-11-19T10:00:00Z"));
        publishAndAwait(registered);
        return client;
    }

    private static Map<String, Object> item(String source, String externalId, UUID client, String type,
                                            String scheduledFor) {
        Map<String, Object> item = new HashMap<>();
        item.put("source", source);
        item.put("externalId", externalId);
        item.put("clientId", client.toString());
        item.put("meetingType", type);
        if (scheduledFor != null) {
            item.put("scheduledFor", scheduledFor);
        }
        return item;
    }

    private static Map<String, Object> held(Map<String, Object> item, String heldAt) {
        item.put("status", "HELD");
        item.put("heldAt", heldAt);
        item.put("attendeeRoles", List.of("CSM"));
        item.put("clientAttendeeCount", 2);
        item.put("decisionMakerPresent", true);
        return item;
    }
}
