package io.mspcs.cadence.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** cadence.md §9 E4 (snooze) and E5 (adoption gate, out of order), with HC-RED and dismissal suppression. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class HealthRulesComponentTest {

    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void connect() {
        publisher = EventPublisher.forSharedInfra();
    }

    @AfterAll
    static void disconnect() {
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void e5OneGateCtaCollectsGatesAndClosesWhenTheLastClearsAndAnEarlierClearStopsAnOlderBreach() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID tom = UUID.randomUUID();
        clock.set(Instant.parse("2026-05-01T09:00:00Z"));
        publishAndAwait(TestEvents.ownerAssigned(tenant, client, "TAM", tom, null, Instant.parse("2026-04-01T09:00:00Z")));
        publishAndAwait(TestEvents.segmentAssigned(tenant, client, "B", Instant.parse("2026-04-01T09:00:00Z")));

        clock.set(Instant.parse("2026-05-04T13:00:00Z"));
        UUID g1 = UUID.randomUUID();
        publishAndAwait(TestEvents.gateBreached(tenant, client, g1, "FIX_FIRST", Instant.parse("2026-05-04T13:00:00Z")));
        OutboxRows.Row openedRow = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0);
        ContractAssertions.assertValid(openedRow);
        JsonNode opened = openedRow.envelope().get("data");
        assertThat(opened.get("kind").asText()).isEqualTo("REMEDIATION");
        assertThat(opened.get("reasonCode").asText()).isEqualTo("ADOPTION_GATE");
        assertThat(opened.get("priority").asText()).isEqualTo("HIGH");
        assertThat(opened.get("ownerRole").asText()).isEqualTo("TAM");
        assertThat(opened.get("ownerMemberId").asText()).isEqualTo(tom.toString());
        assertThat(opened.get("firstActionDueAt").asText()).isEqualTo("2026-05-07T13:00:00Z");
        assertThat(opened.get("dueAt").asText()).isEqualTo("2026-05-11T17:00:00Z");
        assertThat(opened.get("dedupeKey").asText()).isEqualTo(client + ":AD-T10:FIX_FIRST");

        clock.set(Instant.parse("2026-05-20T09:30:01Z"));
        EventEnvelope cleared = TestEvents.gateCleared(tenant, client, g1, Instant.parse("2026-05-20T09:30:00Z"));
        publishAndAwait(cleared);
        OutboxRows.Row closedRow = OutboxRows.of("cadence", tenant, EventTypes.CTA_CLOSED).get(0);
        ContractAssertions.assertValid(closedRow);
        JsonNode closed = closedRow.envelope().get("data");
        assertThat(closed.get("closeStatus").asText()).isEqualTo("AUTO_CLOSED");
        assertThat(closed.at("/reason/code").asText()).isEqualTo("CONDITION_CLEARED");
        assertThat(closed.at("/reason/inputs/clearingEventId").asText()).isEqualTo(cleared.id().toString());
        assertThat(closed.at("/reason/inputs/gateId").asText()).isEqualTo(g1.toString());

        // Out of order: the clear of g-2 (newer) arrives before its breach (older) → tombstone, no CTA.
        UUID g2 = UUID.randomUUID();
        clock.set(Instant.parse("2026-06-10T12:00:01Z"));
        publishAndAwait(TestEvents.gateCleared(tenant, client, g2, Instant.parse("2026-06-10T12:00:00Z")));
        publishAndAwait(TestEvents.gateBreached(tenant, client, g2, "FIX_FIRST", Instant.parse("2026-06-08T09:00:00Z")));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED)).hasSize(1);

        // g-3 then g-4: one CTA, occurrences 2; g-3 cleared → updated; g-4 cleared → closed.
        UUID g3 = UUID.randomUUID();
        UUID g4 = UUID.randomUUID();
        clock.set(Instant.parse("2026-06-15T10:00:00Z"));
        publishAndAwait(TestEvents.gateBreached(tenant, client, g3, "FIX_FIRST", Instant.parse("2026-06-15T10:00:00Z")));
        publishAndAwait(TestEvents.gateBreached(tenant, client, g4, "FIX_FIRST", Instant.parse("2026-06-15T11:00:00Z")));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED)).hasSize(2);
        List<OutboxRows.Row> updates = OutboxRows.of("cadence", tenant, EventTypes.CTA_UPDATED);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).envelope().at("/data/occurrences").asInt()).isEqualTo(2);
        publishAndAwait(TestEvents.gateCleared(tenant, client, g3, Instant.parse("2026-06-20T10:00:00Z")));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_UPDATED)).hasSize(2);
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_CLOSED)).hasSize(1);
        publishAndAwait(TestEvents.gateCleared(tenant, client, g4, Instant.parse("2026-06-21T10:00:00Z")));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_CLOSED)).hasSize(2);
        OutboxRows.of("cadence", tenant).forEach(ContractAssertions::assertValid);
    }

    @Test
    void e4ASnoozedCtaStoresRepeatsSilentlyAndWakesWithoutEscalation() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        publishAndAwait(TestEvents.dmiStalled(tenant, client, UUID.randomUUID(), 2, Instant.parse("2026-03-02T08:00:00Z")));
        JsonNode opened = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0).envelope().get("data");
        assertThat(opened.get("kind").asText()).isEqualTo("HEALTH");
        assertThat(opened.get("reasonCode").asText()).isEqualTo("DMI_FLAT");
        assertThat(opened.get("priority").asText()).isEqualTo("MEDIUM");
        assertThat(opened.get("dueAt").asText()).isEqualTo("2026-03-09T17:00:00Z");
        String ctaId = opened.get("ctaId").asText();

        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("until", "2026-03-16", "reasonCode", "WAITING_ON_CLIENT",
                        "text", "Client on holiday", "dueAt", "2026-03-20T17:00:00Z"))
                .post("/api/v1/ctas/" + ctaId + "/snooze").then().statusCode(200)
                .body("status", equalTo("SNOOZED")).body("snoozedUntil", equalTo("2026-03-16T08:00:00Z"))
                .body("firstActionAt", equalTo("2026-03-03T09:00:00Z")).body("dueAt", equalTo("2026-03-20T17:00:00Z"));
        int events = OutboxRows.of("cadence", tenant).size();

        clock.set(Instant.parse("2026-03-09T08:00:00Z"));
        publishAndAwait(TestEvents.dmiStalled(tenant, client, UUID.randomUUID(), 3, Instant.parse("2026-03-09T08:00:00Z")));
        assertThat(OutboxRows.of("cadence", tenant)).hasSize(events);

        clock.set(Instant.parse("2026-03-16T08:00:00Z"));
        as(tenant).queryParam("tenantId", tenant.toString()).post("/admin/sweep").then().statusCode(200);
        // The value-reset run's task came due meanwhile (PlaybookTaskDue, §6.2); the CTA itself wakes once.
        List<OutboxRows.Row> after = OutboxRows.of("cadence", tenant).stream()
                .filter(row -> !row.type().equals(EventTypes.PLAYBOOK_TASK_DUE)).toList();
        assertThat(after).hasSize(events + 1);
        JsonNode woke = after.get(events).envelope().get("data");
        assertThat(after.get(events).type()).isEqualTo(EventTypes.CTA_UPDATED);
        assertThat(woke.get("status").asText()).isEqualTo("OPEN");
        assertThat(woke.get("occurrences").asInt()).isEqualTo(2);
        after.forEach(ContractAssertions::assertValid);
    }

    @Test
    void aDimensionTurningRedOpensHcRedAndLeavingRedClosesIt() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-06-02T15:30:00Z"));
        publishAndAwait(TestEvents.segmentAssigned(tenant, client, "A", Instant.parse("2026-05-01T09:00:00Z")));
        publishAndAwait(TestEvents.colorChanged(tenant, client, "CX", "RED", "YELLOW", Instant.parse("2026-06-02T15:30:00Z")));
        JsonNode opened = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0).envelope().get("data");
        assertThat(opened.get("priority").asText()).isEqualTo("HIGH");
        assertThat(opened.get("firstActionDueAt").asText()).isEqualTo("2026-06-04T15:30:00Z");
        assertThat(opened.get("dedupeKey").asText()).isEqualTo(client + ":HC-RED:CX");
        publishAndAwait(TestEvents.colorChanged(tenant, client, "CX", "YELLOW", "RED", Instant.parse("2026-06-10T09:00:00Z")));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_CLOSED)).hasSize(1);
    }

    @Test
    void aDismissalWithSuppressDaysStopsTheSameTriggerFromOpeningAgain() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        publishAndAwait(TestEvents.dmiStalled(tenant, client, UUID.randomUUID(), 2, Instant.parse("2026-03-02T08:00:00Z")));
        String ctaId = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0).envelope().at("/data/ctaId").asText();
        as(tenant).contentType(ContentType.JSON).body(Map.of("closeStatus", "CANCELLED", "reasonCode", "NOT_RELEVANT",
                "text", "Seasonal business", "suppressDays", 30)).post("/api/v1/ctas/" + ctaId + "/close")
                .then().statusCode(200).body("closeStatus", equalTo("CANCELLED"));
        publishAndAwait(TestEvents.dmiStalled(tenant, client, UUID.randomUUID(), 3, Instant.parse("2026-03-09T08:00:00Z")));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED)).hasSize(1);
        // Closed CTAs never reopen or close again.
        as(tenant).contentType(ContentType.JSON).body(Map.of("closeStatus", "DONE", "text", "done"))
                .post("/api/v1/ctas/" + ctaId + "/close").then().statusCode(409);
        // A member who is neither owner, backup nor CS leader may not close a manual CTA either.
        String manual = as(tenant).contentType(ContentType.JSON).body(Map.of("kind", "EXPANSION", "title",
                        "Upsell signal", "priority", "LOW", "ownerRole", "AM", "dueAt", "2026-03-20T17:00:00Z"))
                .post("/api/v1/clients/" + client + "/ctas").then().statusCode(201)
                .body("ownerResolution", equalTo("UNASSIGNED")).extract().path("ctaId");
        as(tenant, "CSM").contentType(ContentType.JSON).body(Map.of("closeStatus", "DONE", "text", "done"))
                .post("/api/v1/ctas/" + manual + "/close").then().statusCode(403).body("type", org.hamcrest.Matchers
                        .containsString("not-owner"));
    }

    private void publishAndAwait(EventEnvelope event) {
        publisher.publish(event);
        ConsumedEvents.await("cadence", event.id());
    }
}
