package io.mspcs.segmentation.rest;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
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
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The consumers of segmentation.md §5.2 fed with real events: E1, E5, E6, redelivery and out-of-order scores. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "segmentation"))
class HealthEventsComponentTest {

    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void connect() {
        publisher = EventPublisher.forSharedInfra();
    }

    @AfterAll
    static void disconnect() {
        publisher.close();
    }

    /** Dimension scores chosen so maturity and appetite come out as given (ADOPTION/SERVICE_QUALITY vs CX/ENGAGEMENT). */
    private static EventEnvelope healthScored(UUID tenant, String clientId, String scoredAt, int cx, int adoption,
                                              int engagement, int serviceQuality, int alignment, String color) {
        String json = """
                {"clientId": "%s", "scoreId": "%s", "modelId": "%s", "modelVersion": 4, "composite": 60.0,
                 "color": "%s", "scoredAt": "%s", "trigger": "SIGNALS", "dataAsOf": "%s",
                 "dimensions": [
                  {"dimension": "CX", "score": %d, "complete": true},
                  {"dimension": "ADOPTION", "score": %d, "complete": true},
                  {"dimension": "ENGAGEMENT", "score": %d, "complete": true},
                  {"dimension": "SERVICE_QUALITY", "score": %d, "complete": true},
                  {"dimension": "ALIGNMENT", "score": %d, "complete": true}]}
                """.formatted(clientId, UUID.randomUUID(), UUID.randomUUID(), color, scoredAt, scoredAt, cx, adoption,
                engagement, serviceQuality, alignment);
        return envelope(tenant, clientId, EventTypes.HEALTH_SCORED, "/cs/health-service", scoredAt, json);
    }

    static EventEnvelope envelope(UUID tenant, String clientId, String type, String source, String time, String json) {
        try {
            return EventEnvelope.of(UUID.randomUUID(), source, type, Instant.parse(time), clientId, tenant,
                    "corr-" + UUID.randomUUID(), null, EventCodec.mapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitSegment(UUID tenant, String id, String path, Object value) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(tenant).get("/api/v1/clients/" + id + "/segment").then().statusCode(200).body(path, equalTo(value)));
    }

    @Test
    void e1FirstScoreAssignsTheQuadrantWithoutSegmentChanged() {
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        UUID tenant = UUID.randomUUID();
        String id = SegmentOverrideComponentTest.register(tenant, "e1", "8000.00");
        EventEnvelope scored = healthScored(tenant, id, "2026-11-20T13:00:00Z", 20, 80, 20, 80, 50, "YELLOW");
        publisher.publish(scored);
        awaitSegment(tenant, id, "provisional", false);
        as(tenant).get("/api/v1/clients/" + id + "/segment").then()
                .body("segment", equalTo("C")).body("basis", equalTo("COMPUTED")).body("maturity", equalTo(3.6f))
                .body("appetite", equalTo(2.4f)).body("quadrant.archetype", equalTo("EDUCATE"))
                .body("goalLevel", equalTo("1.2")).body("reason.code", equalTo("FIRST_HEALTH_SCORE"))
                .body("inputHealth.eventId", equalTo(scored.id().toString()))
                .body("explanation.maturity.index", equalTo(65.0f))
                .body("explanation.maturity.contributions[0].points", equalTo(32.0f));
        List<OutboxRows.Row> assigned = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_ASSIGNED);
        assertThat(assigned).hasSize(2);
        assigned.forEach(ContractAssertions::assertValid);
        assertThat(assigned.get(1).causationId()).isEqualTo(scored.id());
        assertThat(assigned.get(1).correlationId()).isEqualTo(scored.correlationId());
        assertThat(OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_CHANGED)).isEmpty();

        // Redelivery of the same event and an older score under a new id change nothing.
        publisher.publish(scored);
        EventEnvelope older = healthScored(tenant, id, "2026-11-19T13:00:00Z", 90, 90, 90, 90, 90, "GREEN");
        publisher.publish(older);
        // A newer score with the same values is applied (its id becomes the input) but changes nothing material.
        EventEnvelope newer = healthScored(tenant, id, "2026-11-20T13:30:00Z", 20, 80, 20, 80, 50, "YELLOW");
        publisher.publish(newer);
        awaitSegment(tenant, id, "inputHealth.eventId", newer.id().toString());
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().body("maturity", equalTo(3.6f));
        assertThat(OutboxRows.of("segmentation", tenant)).hasSize(3);
    }

    @Test
    void e5HysteresisDwellAndTheSweepRelease() {
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        UUID tenant = UUID.randomUUID();
        String id = SegmentOverrideComponentTest.register(tenant, "e5", "8000.00");
        // maturity from ADOPTION/SERVICE_QUALITY/ENGAGEMENT/ALIGNMENT; appetite weighted on CX/ENGAGEMENT.
        // CX values giving appetite 2.4, 3.1, 2.9, 3.2, 3.0, 2.9, 2.7 with maturity 3.6 throughout.
        String[][] scores = {
                {"2026-01-05T00:00:00Z", "20"}, {"2026-02-05T00:00:00Z", "63"}, {"2026-03-05T00:00:00Z", "51"},
                {"2026-04-05T00:00:00Z", "70"}, {"2026-04-20T00:00:00Z", "58"}, {"2026-04-25T00:00:00Z", "51"},
                {"2026-05-01T00:00:00Z", "38"}};
        String[] expectedSegment = {"C", "C", "C", "A", "A", "A", "A"};
        for (int i = 0; i < scores.length; i++) {
            clock.set(Instant.parse(scores[i][0]));
            int cx = Integer.parseInt(scores[i][1]);
            // maturity index 65 (E1); appetite index = 0.4·CX + 27
            publisher.publish(healthScored(tenant, id, scores[i][0], cx, 80, 20, 80, 50, "GREEN"));
            String at = scores[i][0];
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + id + "/segment")
                    .then().body("inputHealth.scoredAt", equalTo(at)));
            as(tenant).get("/api/v1/clients/" + id + "/segment").then().body("segment", equalTo(expectedSegment[i]));
        }
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().body("computedSegment", equalTo("C"))
                .body("hold.heldBy", equalTo("DWELL")).body("hold.until", equalTo("2026-05-05T00:00:00Z"));
        assertThat(OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_CHANGED)).hasSize(1);

        clock.set(Instant.parse("2026-05-05T00:05:00Z"));
        as(tenant).post("/api/v1/segmentation/sweep").then().statusCode(200).body("segmentsChanged", equalTo(1));
        as(tenant).post("/api/v1/segmentation/sweep").then().statusCode(200).body("segmentsChanged", equalTo(0));
        List<OutboxRows.Row> changes = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_CHANGED);
        assertThat(changes).hasSize(2);
        changes.forEach(ContractAssertions::assertValid);
        assertThat(changes.get(0).envelope().at("/data/reason/code").asText()).isEqualTo("QUADRANT");
        assertThat(changes.get(1).envelope().at("/data/reason/code").asText()).isEqualTo("HOLD_RELEASED");
        assertThat(changes.get(1).envelope().at("/data/direction").asText()).isEqualTo("DOWNGRADE");
        OutboxRows.of("segmentation", tenant).forEach(ContractAssertions::assertValid);
    }

    @Test
    void e6AnAtRiskCtaFreezesTheDowngradeUntilTheWindowEnds() {
        clock.set(Instant.parse("2025-10-01T00:00:00Z"));
        UUID tenant = UUID.randomUUID();
        String id = SegmentOverrideComponentTest.register(tenant, "e6", "8000.00");
        clock.set(Instant.parse("2025-11-02T00:00:00Z"));
        // maturity 2.5 (index 37.4), appetite 3.5 (index 62.4) → B.
        publisher.publish(healthScored(tenant, id, "2025-11-02T00:00:00Z", 96, 20, 50, 48, 50, "GREEN"));
        awaitSegment(tenant, id, "segment", "B");
        clock.set(Instant.parse("2026-03-10T15:00:00Z"));
        String ctaId = UUID.randomUUID().toString();
        publisher.publish(envelope(tenant, id, EventTypes.CTA_OPENED, "/cs/cadence-service", "2026-03-10T15:00:00Z",
                "{\"clientId\": \"" + id + "\", \"ctaId\": \"" + ctaId + "\", \"kind\": \"AT_RISK\", \"openedAt\": \"2026-03-10T15:00:00Z\"}"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + id + "/segment")
                .then().body("freeze.openNegativeCtas", equalTo(1)));
        clock.set(Instant.parse("2026-04-20T00:00:00Z"));
        // appetite 2.6 (index 40) → LOW → computed D, frozen at B.
        publisher.publish(healthScored(tenant, id, "2026-04-20T00:00:00Z", 40, 20, 50, 48, 50, "YELLOW"));
        awaitSegment(tenant, id, "computedSegment", "D");
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().body("segment", equalTo("B"))
                .body("hold.heldBy", equalTo("FREEZE")).body("hold.until", equalTo("2026-06-08T00:00:00Z"));
        clock.set(Instant.parse("2026-04-30T00:00:00Z"));
        publisher.publish(envelope(tenant, id, EventTypes.CTA_CLOSED, "/cs/cadence-service", "2026-04-30T00:00:00Z",
                "{\"clientId\": \"" + id + "\", \"ctaId\": \"" + ctaId + "\", \"closedAt\": \"2026-04-30T00:00:00Z\"}"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + id + "/segment")
                .then().body("freeze.openNegativeCtas", equalTo(0)));
        clock.set(Instant.parse("2026-06-07T23:55:00Z"));
        as(tenant).post("/api/v1/segmentation/sweep").then().body("segmentsChanged", equalTo(0));
        clock.set(Instant.parse("2026-06-08T00:05:00Z"));
        as(tenant).post("/api/v1/segmentation/sweep").then().body("segmentsChanged", equalTo(1));
        List<OutboxRows.Row> changes = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_CHANGED);
        assertThat(changes).extracting(r -> r.envelope().at("/data/to").asText()).containsExactly("B", "D");
        assertThat(changes.get(1).envelope().at("/data/reason/code").asText()).isEqualTo("HOLD_RELEASED");
        as(tenant).get("/api/v1/clients/" + id + "/segment/history").then()
                .body("items.kind", org.hamcrest.Matchers.hasItem("HELD"));
        OutboxRows.of("segmentation", tenant).forEach(ContractAssertions::assertValid);
    }

    private static void dmi(UUID tenant, String id, String at, String value) {
        publisher.publish(envelope(tenant, id, EventTypes.DMI_MEASURED, "/cs/health-service", at,
                "{\"clientId\": \"" + id + "\", \"snapshotId\": \"" + UUID.randomUUID() + "\", \"dmi\": " + value
                        + ", \"measuredAt\": \"" + at + "\"}"));
    }

    @Test
    void e7SustainedDmiAndAHeldMeetingPromoteCToB() {
        clock.set(Instant.parse("2025-09-01T00:00:00Z"));
        UUID tenant = UUID.randomUUID();
        String id = SegmentOverrideComponentTest.register(tenant, "e7", "8000.00");
        clock.set(Instant.parse("2025-10-01T00:00:00Z"));
        // maturity 3.4 (index 59.9), appetite 2.6 (index 40.2) → C.
        publisher.publish(healthScored(tenant, id, "2025-10-01T00:00:00Z", 33, 80, 20, 63, 50, "GREEN"));
        awaitSegment(tenant, id, "provisional", false);
        String[][] readings = {{"2026-01-05T00:00:00Z", "72"}, {"2026-02-05T00:00:00Z", "74"}, {"2026-03-05T00:00:00Z", "71"}};
        for (String[] reading : readings) {
            clock.set(Instant.parse(reading[0]));
            dmi(tenant, id, reading[0], reading[1]);
            awaitSegment(tenant, id, "promotion.latestDmi", Integer.parseInt(reading[1]));
        }
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        publisher.publish(envelope(tenant, id, EventTypes.MEETING_HELD, "/cs/cadence-service", "2026-03-20T10:00:00Z",
                "{\"clientId\": \"" + id + "\", \"meetingId\": \"" + UUID.randomUUID() + "\", \"heldAt\": \"2026-03-20T10:00:00Z\"}"));
        awaitSegment(tenant, id, "promotion.cadenceHolds", true);
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().body("segment", equalTo("C"));
        clock.set(Instant.parse("2026-04-06T00:00:00Z"));
        dmi(tenant, id, "2026-04-06T00:00:00Z", "73");
        awaitSegment(tenant, id, "segment", "B");
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().body("reason.code", equalTo("PROMOTION_RULE"))
                .body("computedSegment", equalTo("B")).body("quadrant.archetype", equalTo("EDUCATE"));
        List<OutboxRows.Row> changes = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_CHANGED);
        assertThat(changes).hasSize(1);
        ContractAssertions.assertValid(changes.get(0));
        assertThat(changes.get(0).envelope().at("/data/reason/code").asText()).isEqualTo("PROMOTION_RULE");
    }

    @Test
    void aLoggedComplaintStartsTheDowngradeFreeze() {
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        UUID tenant = UUID.randomUUID();
        String id = SegmentOverrideComponentTest.register(tenant, "complaint", "100.00");
        publisher.publish(envelope(tenant, id, EventTypes.COMPLAINT_LOGGED, "/cs/health-service", "2026-11-20T13:00:00Z",
                "{\"clientId\": \"" + id + "\", \"signalId\": \"" + UUID.randomUUID()
                        + "\", \"observedAt\": \"2026-11-12T16:45:00Z\"}"));
        awaitSegment(tenant, id, "freeze.active", true);
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().body("freeze.until", equalTo("2027-02-10T00:00:00Z"));
    }

    @Test
    void e9ColoursFromHealthScoresBreachTheRedYellowShareOfACsmBook() {
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        UUID tenant = UUID.randomUUID();
        String dana = TeamComponentTest.member(tenant, "Dana", "CSM", java.util.Map.of("unit", "ACCOUNTS"));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = SegmentOverrideComponentTest.register(tenant, "book-" + i, "1000.00");
            ids.add(id);
            as(tenant).body(java.util.Map.of("memberId", dana)).put("/api/v1/clients/" + id + "/owners/CSM").then()
                    .statusCode(200);
        }
        // An event about a client the tenant does not know is skipped, not dead-lettered.
        publisher.publish(healthScored(tenant, UUID.randomUUID().toString(), "2026-11-20T13:00:00Z", 50, 50, 50, 50, 50, "RED"));
        for (int i = 0; i < 5; i++) {
            publisher.publish(healthScored(tenant, ids.get(i), "2026-11-20T13:00:00Z", 50, 50, 50, 50, 50,
                    i < 2 ? "RED" : "GREEN"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(OutboxRows.of("segmentation", tenant, EventTypes.CAPACITY_BREACHED)).hasSize(1));
        OutboxRows.Row breach = OutboxRows.of("segmentation", tenant, EventTypes.CAPACITY_BREACHED).get(0);
        ContractAssertions.assertValid(breach);
        assertThat(breach.envelope().at("/data/kind").asText()).isEqualTo("RED_YELLOW_SHARE");
        assertThat(breach.envelope().at("/data/value").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(breach.envelope().at("/data/book/red").asInt()).isEqualTo(2);
        assertThat(breach.envelope().at("/data/suggestion/0/reason").asText()).isEqualTo("NO_CAPACITY");
        as(tenant).get("/api/v1/team-members/" + dana + "/book").then().statusCode(200)
                .body("scored", equalTo(5)).body("redYellowPct", equalTo(40.0f))
                .body("breaches", org.hamcrest.Matchers.contains("RED_YELLOW_SHARE"));
    }
}
