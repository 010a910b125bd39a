package io.mspcs.cadence.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.cadence.support.RuleRows;
import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
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
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

/**
 * The trigger catalogue of cadence.md §4.2 through segmentation's, health's and roadmap's events and the sweep:
 * §9 E7 (T-NEW, T-FYE late, T-REN once per date and SUPERSEDED on a new renewal date), T-SEG, churn, §9 E6 (AR-RED
 * and its BASELINE_SUSTAINED exit) and T-PROP15/30/60; duplicates and older facts change nothing.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class TriggerCatalogueComponentTest {

    private static final Instant REGISTERED = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant RED_AT = Instant.parse("2026-06-02T15:30:00Z");
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
    void e7ANewClientGetsOnboardingAndTheLateFiscalYearTriggerOnceButOneOfTheImportWindowDoesNot() {
        UUID tenant = UUID.randomUUID();
        UUID imported = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        firstSeen(tenant, Instant.parse("2026-05-20T09:00:00Z"));
        publishAt(Instant.parse("2026-05-25T12:00:00Z"), TestEvents.clientRegistered(tenant, imported, "ACTIVE",
                Instant.parse("2026-05-25T12:00:00Z"), null, 12));

        EventEnvelope registered = TestEvents.clientRegistered(tenant, client, "ACTIVE", REGISTERED, "2027-03-31", 6);
        publishAt(REGISTERED, registered);
        publishAt(REGISTERED, TestEvents.withNewId(registered));

        assertThat(RuleRows.opened(tenant, imported, "T-NEW")).isEmpty();
        List<JsonNode> onboarding = RuleRows.opened(tenant, client, "T-NEW");
        assertThat(onboarding).hasSize(1);
        assertThat(onboarding.get(0).get("reasonCode").asText()).isEqualTo("ONBOARDING");
        assertThat(onboarding.get(0).get("ownerRole").asText()).isEqualTo("CSM");
        assertThat(onboarding.get(0).get("firstActionDueAt").asText()).isEqualTo("2026-06-08T17:00:00Z");
        List<JsonNode> fiscal = RuleRows.opened(tenant, client, "T-FYE");
        assertThat(fiscal).hasSize(1);
        assertThat(fiscal.get(0).get("firstActionDueAt").asText()).isEqualTo("2026-06-04T12:00:00Z");
        assertThat(fiscal.get(0).get("dueAt").asText()).isEqualTo("2026-06-23T17:00:00Z");
        assertThat(fiscal.get(0).at("/reason/inputs/late").asBoolean()).isTrue();
        assertThat(RuleRows.of(tenant, client, EventTypes.PLAYBOOK_STARTED))
                .extracting(data -> data.get("templateKey").asText()).containsExactly("onboarding");
        JsonNode budgetSession = RuleRows.of(tenant, client, EventTypes.MEETING_SCHEDULED).stream()
                .filter(m -> "BUDGET_SESSION".equals(m.get("meetingType").asText())).findFirst().orElseThrow();
        assertThat(budgetSession.get("scheduledFor").asText()).isEqualTo("2026-06-23T10:00:00Z");
        assertThat(budgetSession.get("confirmed").asBoolean()).isFalse();
        assertThat(budgetSession.get("ctaId").asText()).isEqualTo(fiscal.get(0).get("ctaId").asText());
    }

    @Test
    void e7RenewalFiresOnceAtItsDateAndANewRenewalDateSupersedesItAndPlansTheNextOne() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        publishAt(REGISTERED, TestEvents.clientRegistered(tenant, client, "ACTIVE", REGISTERED, "2027-03-31", 6));

        sweepAt(tenant, "2026-12-30T23:59:59Z");
        assertThat(RuleRows.opened(tenant, client, "T-REN")).isEmpty();
        // The operator hook reports what the rule timer's effect emitted, not only that it fired.
        sweepAt(tenant, "2026-12-31T00:00:00Z").body("timersFired", equalTo(1))
                .body("events.'" + EventTypes.CTA_OPENED + "'", equalTo(1));
        sweepAt(tenant, "2026-12-31T00:00:00Z").body("timersFired", equalTo(0)).body("events.size()", equalTo(0));

        List<JsonNode> renewal = RuleRows.opened(tenant, client, "T-REN");
        assertThat(renewal).hasSize(1);
        JsonNode cta = renewal.get(0);
        assertThat(cta.get("ownerRole").asText()).isEqualTo("AM");
        assertThat(cta.get("firstActionDueAt").asText()).isEqualTo("2027-01-03T00:00:00Z");
        assertThat(cta.get("dueAt").asText()).isEqualTo("2027-02-01T17:00:00Z");
        assertThat(cta.get("dedupeKey").asText()).isEqualTo(client + ":T-REN:2027-03-31");
        String ctaId = cta.get("ctaId").asText();

        EventEnvelope moved = TestEvents.clientUpdated(tenant, client, "ACTIVE", REGISTERED, "2027-03-31", "2028-03-31",
                6, Instant.parse("2027-01-05T10:00:00Z"));
        publishAt(Instant.parse("2027-01-05T10:00:00Z"), moved);
        // An older update delivered late must not put the old date back.
        publishAt(Instant.parse("2027-01-05T10:05:00Z"), TestEvents.clientUpdated(tenant, client, "ACTIVE", REGISTERED,
                "2026-12-01", "2027-03-31", 6, Instant.parse("2027-01-04T10:00:00Z")));

        List<JsonNode> closed = RuleRows.closed(tenant, client, ctaId);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).get("closeStatus").asText()).isEqualTo("SUPERSEDED");
        assertThat(closed.get(0).at("/reason/inputs/supersededBy").asText()).isEqualTo(moved.id().toString());

        sweepAt(tenant, "2028-01-01T00:00:00Z");
        assertThat(RuleRows.opened(tenant, client, "T-REN")).extracting(d -> d.get("dedupeKey").asText())
                .containsExactly(client + ":T-REN:2027-03-31", client + ":T-REN:2028-03-31");
        // The same catch-up sweep fired the next fiscal-year timer (2027-05-31T00:00Z) once, at its fire_at.
        List<JsonNode> fiscal = RuleRows.opened(tenant, client, "T-FYE");
        assertThat(fiscal).extracting(d -> d.get("dedupeKey").asText())
                .containsExactly(client + ":T-FYE:2026-06-30", client + ":T-FYE:2027-06-30");
        assertThat(fiscal.get(1).get("firstActionDueAt").asText()).isEqualTo("2027-06-03T00:00:00Z");
    }

    @Test
    void aSegmentChangeOpensTheEngagementPlayAndTheNextChangeSupersedesIt() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-20T14:00:00Z");
        // Registered long before the tenant was first seen: an existing client, no onboarding.
        publishAt(now, TestEvents.clientRegistered(tenant, client, "ACTIVE", Instant.parse("2025-01-10T10:00:00Z"),
                null, 12));
        publishAt(now, TestEvents.segmentAssigned(tenant, client, "C", now));
        EventEnvelope toB = TestEvents.segmentChanged(tenant, client, "C", "B", Instant.parse("2026-11-20T15:00:00Z"));
        publishAt(now, toB);
        publishAt(now, TestEvents.withNewId(toB));

        List<JsonNode> first = RuleRows.opened(tenant, client, "T-SEG");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("dedupeKey").asText()).isEqualTo(client + ":T-SEG:B");
        assertThat(first.get(0).get("ownerRole").asText()).isEqualTo("CSM");
        assertThat(first.get(0).get("dueAt").asText()).isEqualTo("2026-12-04T17:00:00Z");
        assertThat(RuleRows.of(tenant, client, EventTypes.PLAYBOOK_STARTED))
                .extracting(data -> data.get("templateKey").asText()).containsExactly("engagement");

        publishAt(now, TestEvents.segmentChanged(tenant, client, "B", "D", Instant.parse("2026-11-20T16:00:00Z")));
        publishAt(now, TestEvents.segmentChanged(tenant, client, "C", "A", Instant.parse("2026-11-20T15:30:00Z")));

        List<JsonNode> opened = RuleRows.opened(tenant, client, "T-SEG");
        assertThat(opened).extracting(d -> d.get("dedupeKey").asText())
                .containsExactly(client + ":T-SEG:B", client + ":T-SEG:D");
        assertThat(opened.get(1).get("ownerRole").asText()).isEqualTo("TAM");
        JsonNode superseded = RuleRows.closed(tenant, client, first.get(0).get("ctaId").asText()).get(0);
        assertThat(superseded.get("closeStatus").asText()).isEqualTo("SUPERSEDED");
        assertThat(superseded.at("/reason/inputs/supersededBy").asText()).isEqualTo(opened.get(1).get("ctaId").asText());
    }

    @Test
    void aChurnedClientsOpenCtasAreCancelledAndItsDateTriggersStop() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        publishAt(REGISTERED, TestEvents.clientRegistered(tenant, client, "ACTIVE", REGISTERED, "2027-03-31", 6));
        String fiscal = RuleRows.opened(tenant, client, "T-FYE").get(0).get("ctaId").asText();

        publishAt(Instant.parse("2026-06-02T09:00:00Z"), TestEvents.clientUpdated(tenant, client, "CHURNED", REGISTERED,
                "2027-03-31", "2027-03-31", 6, Instant.parse("2026-06-02T09:00:00Z")));
        sweepAt(tenant, "2026-12-31T00:00:00Z");

        JsonNode closed = RuleRows.closed(tenant, client, fiscal).get(0);
        assertThat(closed.get("closeStatus").asText()).isEqualTo("CANCELLED");
        assertThat(closed.at("/reason/code").asText()).isEqualTo("CLIENT_CHURNED");
        assertThat(RuleRows.opened(tenant, client, "T-REN")).isEmpty();
    }

    @Test
    void aChurnEndsTheCadenceAndCancelsFutureMeetingsAndRunsAndActiveAgainRestartsTheLines() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        publishAt(REGISTERED, TestEvents.clientRegistered(tenant, client, "ACTIVE", REGISTERED, null, 6));
        publishAt(REGISTERED, TestEvents.segmentAssigned(tenant, client, "B", REGISTERED));
        String placeholder = RuleRows.of(tenant, client, EventTypes.MEETING_SCHEDULED).get(0).get("meetingId").asText();
        String qbr = as(tenant).contentType(ContentType.JSON)
                .body(Map.of("meetingType", "QBR", "scheduledFor", "2026-07-15T15:00:00Z"))
                .post("/api/v1/clients/" + client + "/meetings").then().statusCode(201).extract().path("meetingId");
        String run = as(tenant).contentType(ContentType.JSON).body(Map.of("templateKey", "upsell"))
                .post("/api/v1/clients/" + client + "/playbook-runs").then().statusCode(201).extract().path("runId");
        as(tenant).get("/api/v1/clients/" + client + "/cadence").then().statusCode(200).body("lines.size()", equalTo(2));

        publishAt(Instant.parse("2026-06-02T09:00:00Z"), TestEvents.clientUpdated(tenant, client, "CHURNED", REGISTERED,
                null, null, 6, Instant.parse("2026-06-02T09:00:00Z")));

        assertThat(RuleRows.of(tenant, client, EventTypes.MEETING_CANCELLED))
                .extracting(m -> m.get("meetingId").asText(), m -> m.get("reason").asText())
                .containsExactlyInAnyOrder(tuple(placeholder, "CLIENT_CHURNED"), tuple(qbr, "CLIENT_CHURNED"));
        JsonNode cancelledRun = RuleRows.of(tenant, client, EventTypes.PLAYBOOK_COMPLETED).stream()
                .filter(r -> run.equals(r.get("playbookRunId").asText())).findFirst().orElseThrow();
        assertThat(cancelledRun.get("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(cancelledRun.at("/reason/code").asText()).isEqualTo("CLIENT_CHURNED");
        as(tenant).get("/api/v1/clients/" + client + "/cadence").then().statusCode(200).body("lines.size()", equalTo(0));
        // The QBR slot would have been missed on 2026-09-15 (due 2026-09-01 + 14 days' grace): it was voided.
        sweepAt(tenant, "2026-12-31T00:00:00Z");
        assertThat(RuleRows.of(tenant, client, EventTypes.MEETING_MISSED)).isEmpty();

        publishAt(Instant.parse("2027-01-04T09:00:00Z"), TestEvents.clientUpdated(tenant, client, "ACTIVE", REGISTERED,
                null, null, 6, Instant.parse("2027-01-04T09:00:00Z")));
        // No counting meeting ever: each line starts again from the reactivation date (§2.3).
        as(tenant).get("/api/v1/clients/" + client + "/cadence").then().statusCode(200)
                .body("lines.size()", equalTo(2))
                .body("lines.find { it.meetingType == 'QBR' }.slot.anchorDate", equalTo("2027-01-04"))
                .body("lines.find { it.meetingType == 'QBR' }.slot.dueDate", equalTo("2027-04-04"))
                .body("lines.find { it.meetingType == 'BUDGET_SESSION' }.slot.dueDate", equalTo("2027-07-04"));
    }

    @Test
    void theFiscalYearCtaClosesDoneWhenTheBudgetSessionItAskedForCounts() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        publishAt(REGISTERED, TestEvents.clientRegistered(tenant, client, "ACTIVE", REGISTERED, null, 6));
        String ctaId = RuleRows.opened(tenant, client, "T-FYE").get(0).get("ctaId").asText();
        String meetingId = RuleRows.of(tenant, client, EventTypes.MEETING_SCHEDULED).stream()
                .filter(m -> "BUDGET_SESSION".equals(m.get("meetingType").asText())).findFirst().orElseThrow()
                .get("meetingId").asText();

        clock.set(Instant.parse("2026-06-10T09:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("confirmed", true))
                .patch("/api/v1/meetings/" + meetingId).then().statusCode(200);
        clock.set(Instant.parse("2026-06-23T11:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("heldAt", "2026-06-23T10:00:00Z",
                        "attendeeRoles", List.of("VCIO", "AM"), "clientAttendeeCount", 2, "decisionMakerPresent", true))
                .post("/api/v1/meetings/" + meetingId + "/held").then().statusCode(200).body("counts", equalTo(false));
        // Held alone does not count while a recap is required for credit: the CTA stays open.
        assertThat(RuleRows.closed(tenant, client, ctaId)).isEmpty();

        clock.set(Instant.parse("2026-06-24T09:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("decided", "Budget for FY27 agreed"))
                .post("/api/v1/meetings/" + meetingId + "/recap").then().statusCode(201).body("counts", equalTo(true));

        List<JsonNode> closed = RuleRows.closed(tenant, client, ctaId);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).get("closeStatus").asText()).isEqualTo("DONE");
        assertThat(closed.get(0).at("/reason/code").asText()).isEqualTo("MEETING_COUNTED");
        assertThat(closed.get(0).at("/reason/inputs/meetingId").asText()).isEqualTo(meetingId);
    }

    @Test
    void e6CompositeRedOpensOneAtRiskCtaThatClosesAfterThirtyDaysBackAtYellow() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        EventEnvelope red = redFromYellow(tenant, client, "A");
        publishAt(RED_AT, TestEvents.withNewId(red));

        List<JsonNode> opened = RuleRows.opened(tenant, client, "AR-RED");
        assertThat(opened).hasSize(1);
        JsonNode cta = opened.get(0);
        assertThat(cta.get("kind").asText()).isEqualTo("AT_RISK");
        assertThat(cta.get("priority").asText()).isEqualTo("HIGH");
        assertThat(cta.get("ownerRole").asText()).isEqualTo("CSM");
        assertThat(cta.get("firstActionDueAt").asText()).isEqualTo("2026-06-03T10:30:00Z");
        assertThat(cta.get("dueAt").asText()).isEqualTo("2026-07-02T17:00:00Z");
        String ctaId = cta.get("ctaId").asText();
        assertThat(RuleRows.updated(tenant, client, ctaId)).isEmpty(); // the same score again is a duplicate
        assertThat(RuleRows.of(tenant, client, EventTypes.PLAYBOOK_STARTED))
                .extracting(d -> d.get("templateKey").asText()).containsExactly("at-risk");
        JsonNode reset = RuleRows.of(tenant, client, EventTypes.MEETING_SCHEDULED).get(0);
        assertThat(reset.get("meetingType").asText()).isEqualTo("RESET_CALL");
        assertThat(reset.get("scheduledFor").asText()).isEqualTo("2026-07-02T10:00:00Z");

        publishAt(Instant.parse("2026-06-24T09:00:00Z"), TestEvents.colorChanged(tenant, client, "COMPOSITE", "YELLOW",
                "RED", Instant.parse("2026-06-24T09:00:00Z")));
        sweepAt(tenant, "2026-07-24T08:59:59Z");
        assertThat(RuleRows.closed(tenant, client, ctaId)).isEmpty();
        sweepAt(tenant, "2026-07-24T09:00:00Z");

        JsonNode closed = RuleRows.closed(tenant, client, ctaId).get(0);
        assertThat(closed.get("closeStatus").asText()).isEqualTo("AUTO_CLOSED");
        assertThat(closed.at("/reason/code").asText()).isEqualTo("BASELINE_SUSTAINED");
    }

    @Test
    void e6VariantARedInsideTheThirtyDaysRestartsThemAndAMidBandSegmentCIsMedium() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        redFromYellow(tenant, client, "C");
        JsonNode cta = RuleRows.opened(tenant, client, "AR-RED").get(0);
        assertThat(cta.get("priority").asText()).isEqualTo("MEDIUM");
        assertThat(cta.get("firstActionDueAt").asText()).isEqualTo("2026-06-03T17:00:00Z");
        String ctaId = cta.get("ctaId").asText();

        color(tenant, client, "YELLOW", "RED", "2026-06-24T09:00:00Z");
        color(tenant, client, "RED", "YELLOW", "2026-07-10T09:00:00Z");
        color(tenant, client, "YELLOW", "RED", "2026-07-12T09:00:00Z");
        // Older than the YELLOW of 07-12: stale, it neither restarts nor stops the 30 days.
        color(tenant, client, "RED", "GREEN", "2026-07-11T09:00:00Z");
        sweepAt(tenant, "2026-07-24T09:00:00Z");

        assertThat(RuleRows.closed(tenant, client, ctaId)).isEmpty();
        assertThat(RuleRows.updated(tenant, client, ctaId)).anyMatch(u -> u.get("occurrences").asInt() == 2);
        sweepAt(tenant, "2026-08-11T09:00:00Z");
        assertThat(RuleRows.closed(tenant, client, ctaId)).extracting(d -> d.at("/reason/code").asText())
                .containsExactly("BASELINE_SUSTAINED");
    }

    @Test
    void proposalAgingEscalatesFromFollowUpToStaleToHighAndTheAcceptanceClosesIt() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-20T14:00:00Z");
        EventEnvelope fifteen = TestEvents.proposalAging(tenant, client, proposal, "DAYS_15_30", 15, owner, now);
        publishAt(now, fifteen);
        publishAt(now, TestEvents.withNewId(fifteen));

        List<JsonNode> followUps = RuleRows.opened(tenant, client, "T-PROP15");
        assertThat(followUps).hasSize(1);
        JsonNode followUp = followUps.get(0);
        assertThat(followUp.get("kind").asText()).isEqualTo("ACTIVITY");
        assertThat(followUp.get("priority").asText()).isEqualTo("LOW");
        assertThat(followUp.get("notification").asText()).isEqualTo("DIGEST");
        assertThat(followUp.get("ownerMemberId").asText()).isEqualTo(owner.toString());
        assertThat(followUp.get("dueAt").asText()).isEqualTo("2026-11-27T17:00:00Z");

        publishAt(Instant.parse("2026-12-07T09:00:00Z"), TestEvents.proposalAging(tenant, client, proposal, "OVER_30",
                31, owner, Instant.parse("2026-12-07T09:00:00Z")));
        JsonNode stale = RuleRows.opened(tenant, client, "T-PROP30").get(0);
        assertThat(stale.get("reasonCode").asText()).isEqualTo("PROPOSAL_STALE");
        assertThat(stale.get("priority").asText()).isEqualTo("MEDIUM");
        JsonNode superseded = RuleRows.closed(tenant, client, followUp.get("ctaId").asText()).get(0);
        assertThat(superseded.get("closeStatus").asText()).isEqualTo("SUPERSEDED");
        assertThat(superseded.at("/reason/inputs/supersededBy").asText()).isEqualTo(stale.get("ctaId").asText());
        assertThat(RuleRows.of(tenant, client, EventTypes.PLAYBOOK_STARTED))
                .extracting(d -> d.get("templateKey").asText()).containsExactly("proposal-reset");

        EventEnvelope sixty = TestEvents.proposalAging(tenant, client, proposal, "OVER_60", 61, owner,
                Instant.parse("2027-01-06T09:00:00Z"));
        publishAt(Instant.parse("2027-01-06T09:00:00Z"), sixty);
        publishAt(Instant.parse("2027-01-06T09:00:00Z"), TestEvents.withNewId(sixty));
        String staleId = stale.get("ctaId").asText();
        List<JsonNode> updates = RuleRows.updated(tenant, client, staleId);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).get("occurrences").asInt()).isEqualTo(2);
        assertThat(updates.get(0).get("priority").asText()).isEqualTo("HIGH");
        assertThat(RuleRows.opened(tenant, client, "T-PROP60")).isEmpty();

        EventEnvelope accepted = TestEvents.proposalEnded(EventTypes.PROPOSAL_ACCEPTED, tenant, client, proposal,
                Instant.parse("2027-01-08T09:00:00Z"));
        publishAt(Instant.parse("2027-01-08T09:00:00Z"), accepted);
        JsonNode closed = RuleRows.closed(tenant, client, staleId).get(0);
        assertThat(closed.get("closeStatus").asText()).isEqualTo("AUTO_CLOSED");
        assertThat(closed.at("/reason/inputs/clearingEventId").asText()).isEqualTo(accepted.id().toString());
    }

    @Test
    void anOlderAgingArrivingAfterTheDeclineOpensNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        Instant now = Instant.parse("2026-12-10T09:00:00Z");

        publishAt(now, TestEvents.proposalEnded(EventTypes.PROPOSAL_DECLINED, tenant, client, proposal, now));
        publishAt(now, TestEvents.proposalAging(tenant, client, proposal, "OVER_30", 31, null,
                Instant.parse("2026-12-01T09:00:00Z")));

        assertThat(RuleRows.of(tenant, client, EventTypes.CTA_OPENED)).isEmpty();
    }

    private void color(UUID tenant, UUID client, String color, String previous, String at) {
        publishAt(Instant.parse(at), TestEvents.colorChanged(tenant, client, "COMPOSITE", color, previous,
                Instant.parse(at)));
    }

    /** The client's segment (band MID), then its composite RED from YELLOW at {@link #RED_AT}. */
    private EventEnvelope redFromYellow(UUID tenant, UUID client, String segment) {
        publishAt(RED_AT, TestEvents.segmentAssigned(tenant, client, segment, "MID", Instant.parse("2026-06-01T09:00:00Z")));
        EventEnvelope red = TestEvents.colorChanged(tenant, client, "COMPOSITE", "RED", "YELLOW", RED_AT);
        publishAt(RED_AT, red);
        return red;
    }

    /** The tenant is first seen (policy version 1 stored) when cadence handles its first event. */
    private void firstSeen(UUID tenant, Instant at) {
        publishAt(at, TestEvents.clientRegistered(tenant, UUID.randomUUID(), "ACTIVE", at, null, 12));
    }

    private void publishAt(Instant at, EventEnvelope event) {
        clock.set(at);
        publisher.publish(event);
        ConsumedEvents.await("cadence", event.id());
    }

    private ValidatableResponse sweepAt(UUID tenant, String instant) {
        clock.set(Instant.parse(instant));
        return as(tenant).queryParam("tenantId", tenant.toString()).post("/admin/sweep").then().statusCode(200);
    }
}
