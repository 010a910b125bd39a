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
import static org.hamcrest.Matchers.equalTo;

/** cadence.md §9 E7: T-ASMT and T-INIT from roadmap events, once per assessment or initiative. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class RoadmapRulesComponentTest {

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

    private void publishAndAwait(EventEnvelope event) {
        publisher.publish(event);
        ConsumedEvents.await("cadence", event.id());
    }

    @Test
    void e7AssessmentCompletedOpensOneReviewCtaDueTenDaysLaterEvenWhenRepublished() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-09-14T16:00:00Z"));
        EventEnvelope completed = TestEvents.assessmentCompleted(tenant, client, UUID.randomUUID(), 0,
                Instant.parse("2026-09-14T16:00:00Z"));

        publishAndAwait(completed);
        publishAndAwait(TestEvents.withNewId(completed));

        assertThat(OutboxRows.of("cadence", tenant)).extracting(OutboxRows.Row::type)
                .containsExactly(EventTypes.CTA_OPENED, EventTypes.MEETING_SCHEDULED);
        OutboxRows.of("cadence", tenant).forEach(ContractAssertions::assertValid);
        OutboxRows.Row opened = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0);
        ContractAssertions.assertValid(opened);
        assertThat(opened.causationId()).isEqualTo(completed.id());
        JsonNode data = opened.envelope().get("data");
        assertThat(data.get("kind").asText()).isEqualTo("LIFECYCLE");
        assertThat(data.get("reasonCode").asText()).isEqualTo("ASSESSMENT_REVIEW");
        assertThat(data.get("priority").asText()).isEqualTo("MEDIUM");
        assertThat(data.get("dueAt").asText()).isEqualTo("2026-09-24T17:00:00Z");
        assertThat(data.at("/reason/ruleId").asText()).isEqualTo("T-ASMT");
        // "ROADMAP_REVIEW at +10 d": an unconfirmed placeholder at 10:00 on the due date, linked to the CTA.
        OutboxRows.Row placeholder = OutboxRows.of("cadence", tenant, EventTypes.MEETING_SCHEDULED).get(0);
        assertThat(placeholder.causationId()).isEqualTo(completed.id());
        JsonNode meeting = placeholder.envelope().get("data");
        assertThat(meeting.get("meetingType").asText()).isEqualTo("ROADMAP_REVIEW");
        assertThat(meeting.get("scheduledFor").asText()).isEqualTo("2026-09-24T10:00:00Z");
        assertThat(meeting.get("confirmed").asBoolean()).isFalse();
        assertThat(meeting.get("source").asText()).isEqualTo("POLICY");
        assertThat(meeting.get("ctaId").asText()).isEqualTo(data.get("ctaId").asText());
    }

    @Test
    void holdingTheAssessmentReviewPlaceholderClosesItsCtaDoneOnceTheMeetingCounts() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-09-14T16:00:00Z"));
        publishAndAwait(TestEvents.clientRegistered(tenant, client, "Harbor Dental", "ACTIVE",
                Instant.parse("2026-09-14T16:00:00Z")));
        publishAndAwait(TestEvents.assessmentCompleted(tenant, client, UUID.randomUUID(), 0,
                Instant.parse("2026-09-14T16:00:00Z")));
        String ctaId = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0).envelope().at("/data/ctaId").asText();
        String placeholder = OutboxRows.of("cadence", tenant, EventTypes.MEETING_SCHEDULED).get(0).envelope()
                .at("/data/meetingId").asText();

        clock.set(Instant.parse("2026-09-24T11:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("heldAt", "2026-09-24T10:00:00Z",
                        "attendeeRoles", List.of("VCIO"), "clientAttendeeCount", 1, "decisionMakerPresent", true))
                .post("/api/v1/meetings/" + placeholder + "/held").then().statusCode(200);
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_CLOSED)).isEmpty(); // held, recap still due
        recap(tenant, placeholder);

        assertClosedDoneBy(tenant, ctaId, placeholder);
    }

    @Test
    void e7InitiativeApprovedOpensAKickoffCtaForTheDeliveryOwnerAndStartsItsPlaybook() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID deliveryOwner = UUID.randomUUID();
        clock.set(Instant.parse("2026-10-05T11:00:00Z"));

        publishAndAwait(TestEvents.initiativeApproved(tenant, client, UUID.randomUUID(), deliveryOwner,
                Instant.parse("2026-10-05T11:00:00Z")));

        assertThat(OutboxRows.of("cadence", tenant)).extracting(OutboxRows.Row::type)
                .containsExactly(EventTypes.CTA_OPENED, EventTypes.PLAYBOOK_STARTED);
        OutboxRows.of("cadence", tenant).forEach(ContractAssertions::assertValid);
        JsonNode data = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0).envelope().get("data");
        assertThat(data.get("reasonCode").asText()).isEqualTo("INITIATIVE_KICKOFF");
        assertThat(data.get("firstActionDueAt").asText()).isEqualTo("2026-10-08T11:00:00Z");
        assertThat(data.get("dueAt").asText()).isEqualTo("2026-10-19T17:00:00Z");
        assertThat(data.get("ownerRole").asText()).isEqualTo("TAM");
        assertThat(data.get("ownerMemberId").asText()).isEqualTo(deliveryOwner.toString());
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.PLAYBOOK_STARTED).get(0).envelope()
                .at("/data/templateKey").asText()).isEqualTo("initiative-kickoff");
    }

    @Test
    void theAssessmentReviewCtaClosesDoneWhenARoadmapReviewHeldAfterItCountsButNotForAnEarlierOne() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-09-13T16:00:00Z"));
        publishAndAwait(TestEvents.clientRegistered(tenant, client, "Harbor Dental", "ACTIVE",
                Instant.parse("2026-09-13T16:00:00Z")));
        String earlier = roadmapReview(tenant, client, "2026-09-13T15:00:00Z");
        clock.set(Instant.parse("2026-09-14T16:00:00Z"));
        publishAndAwait(TestEvents.assessmentCompleted(tenant, client, UUID.randomUUID(), 0,
                Instant.parse("2026-09-14T16:00:00Z")));
        String ctaId = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0).envelope().at("/data/ctaId").asText();

        // The review held before the assessment counts now (its recap), but it is not the review the CTA asks for.
        recap(tenant, earlier);
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_CLOSED)).isEmpty();

        clock.set(Instant.parse("2026-09-22T16:00:00Z"));
        String review = roadmapReview(tenant, client, "2026-09-22T15:00:00Z");
        recap(tenant, review);

        assertClosedDoneBy(tenant, ctaId, review);
    }

    /** The tenant's one CtaClosed: the CTA closed DONE because {@code meetingId} counted. */
    private static void assertClosedDoneBy(UUID tenant, String ctaId, String meetingId) {
        List<OutboxRows.Row> closed = OutboxRows.of("cadence", tenant, EventTypes.CTA_CLOSED);
        assertThat(closed).hasSize(1);
        ContractAssertions.assertValid(closed.get(0));
        JsonNode data = closed.get(0).envelope().get("data");
        assertThat(data.get("ctaId").asText()).isEqualTo(ctaId);
        assertThat(data.get("closeStatus").asText()).isEqualTo("DONE");
        assertThat(data.at("/reason/code").asText()).isEqualTo("MEETING_COUNTED");
        assertThat(data.at("/reason/inputs/meetingId").asText()).isEqualTo(meetingId);
    }

    /** A ROADMAP_REVIEW scheduled and held at {@code heldAt} (the clock is past it); answers its id. */
    private static String roadmapReview(UUID tenant, UUID client, String heldAt) {
        String id = as(tenant).contentType(ContentType.JSON)
                .body(Map.of("meetingType", "ROADMAP_REVIEW", "scheduledFor", heldAt))
                .post("/api/v1/clients/" + client + "/meetings").then().statusCode(201).extract().path("meetingId");
        as(tenant).contentType(ContentType.JSON).body(Map.of("heldAt", heldAt, "attendeeRoles", List.of("VCIO"),
                        "clientAttendeeCount", 1, "decisionMakerPresent", true))
                .post("/api/v1/meetings/" + id + "/held").then().statusCode(200);
        return id;
    }

    private static void recap(UUID tenant, String meetingId) {
        as(tenant).contentType(ContentType.JSON).body(Map.of("decided", "Remediation first"))
                .post("/api/v1/meetings/" + meetingId + "/recap").then().statusCode(201).body("counts", equalTo(true));
    }
}
